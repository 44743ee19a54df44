package cn.zhicheng.core.storage;

import java.nio.charset.StandardCharsets;

/** Builds Content-Disposition values that carry non-ASCII (Chinese) file names intact, per RFC 6266 and RFC 5987. */
public final class ContentDisposition {

    private static final String HEX = "0123456789ABCDEF";

    private ContentDisposition() {
    }

    /**
     * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>}: current browsers use
     * {@code filename*}, old user agents fall back to the plain name.
     */
    public static String attachment(String fileName) {
        String name = clean(fileName);
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encode(name);
    }

    // A file name is user input: control characters could split headers and separators could suggest a folder.
    static String clean(String fileName) {
        if (fileName == null) {
            return "download";
        }
        StringBuilder out = new StringBuilder(fileName.length());
        fileName.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == '/' || cp == '\\') {
                out.append('_');
            } else {
                out.appendCodePoint(cp);
            }
        });
        String cleaned = out.toString().strip();
        return cleaned.isEmpty() ? "download" : cleaned;
    }

    private static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return out.toString();
    }

    private static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAttrChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }

    // attr-char of RFC 5987 section 3.2.1
    private static boolean isAttrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
