package cn.zhicheng.core.certificate;

/** The one spelling of the links a certificate's QR code and printed query address carry (R27, R28). */
public final class VerifyLinks {

    private VerifyLinks() {
    }

    /** The verify page people type or scan to, without a payload. */
    public static String page(String publicBaseUrl) {
        return publicBaseUrl.replaceAll("/+$", "") + "/verify";
    }

    /** The QR's link: the signed payload rides in the fragment, which browsers never send to a server. */
    public static String of(String publicBaseUrl, String payload) {
        return page(publicBaseUrl) + "#" + payload;
    }
}
