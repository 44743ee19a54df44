package cn.zhicheng.core.certificate;

import java.text.Normalizer;
import java.util.Objects;
import java.util.regex.Pattern;

/** A certificate number (R27): issuer code, 4-digit year, 6-digit serial and an ISO/IEC 7064 MOD 37,36 check char. */
// The hybrid MOD 37,36 system is the one the national e-licence identifier uses, so numbers can be checked with
// the same tools. It catches every single-character substitution but not every adjacent transposition: swapping
// two neighbours whose values are consecutive (4 and 5, F and G, Z and 0) goes unnoticed when the running state
// before them is one particular value out of 36, about 4 swaps in 1,000 on numbers of this layout.
public record CertificateNumber(String issuerCode, int year, long serial) {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int M = ALPHABET.length();
    private static final Pattern ISSUER = Pattern.compile("[0-9A-Z]{2,8}");
    private static final Pattern WHOLE = Pattern.compile("[0-9A-Z]{2,8}[0-9]{4}[0-9]{6}[0-9A-Z]");
    private static final int YEAR_DIGITS = 4;
    private static final int SERIAL_DIGITS = 6;
    private static final long MAX_SERIAL = 999_999L;
    private static final int MAX_YEAR = 9_999;
    // Hyphen look-alikes that survive NFKC and that people paste from documents: hyphen, non-breaking hyphen,
    // figure dash, en dash, em dash, minus sign.
    private static final String DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212";

    /** Validates the parts; use {@link #of} or {@link #parse} rather than calling this directly. */
    public CertificateNumber {
        Objects.requireNonNull(issuerCode, "issuerCode");
        if (!ISSUER.matcher(issuerCode).matches()) {
            throw new IllegalArgumentException("issuer code must be 2 to 8 upper-case letters or digits");
        }
        // Only the layout is checked here: whether a year is plausible is for the issuing workflow to decide.
        if (year < 0 || year > MAX_YEAR) {
            throw new IllegalArgumentException("year must have at most 4 digits, got " + year);
        }
        if (serial < 0 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("serial must have at most 6 digits, got " + serial);
        }
    }

    public static CertificateNumber of(String issuerCode, int year, long serial) {
        return new CertificateNumber(issuerCode, year, serial);
    }

    /**
     * Parses a number as a person may type or paste it: surrounding and inner spaces and hyphens are ignored,
     * full-width characters from Chinese input methods are read as their plain forms, and lower case is accepted.
     */
    public static CertificateNumber parse(String raw) {
        if (raw == null) {
            throw wrongFormat();
        }
        String s = normalize(raw);
        if (!WHOLE.matcher(s).matches()) {
            throw wrongFormat();
        }
        if (!checksumValid(s)) {
            throw new MalformedCertificateNumberException(
                    MalformedCertificateNumberException.Reason.BAD_CHECK_CHARACTER,
                    "Certificate number " + s + " does not match its check character;"
                            + " please check it for a typing mistake.");
        }
        // Fixed widths from the right make the split unambiguous even when the issuer code ends in digits.
        int n = s.length();
        int serialStart = n - 1 - SERIAL_DIGITS;
        int yearStart = serialStart - YEAR_DIGITS;
        return new CertificateNumber(s.substring(0, yearStart),
                Integer.parseInt(s, yearStart, serialStart, 10),
                Long.parseLong(s, serialStart, n - 1, 10));
    }

    public static boolean isWellFormed(String raw) {
        try {
            parse(raw);
            return true;
        } catch (MalformedCertificateNumberException e) {
            return false;
        }
    }

    /** The MOD 37,36 check character that makes {@code payload + check} validate; payload is over 0-9A-Z. */
    public static char checkCharFor(String payload) {
        Objects.requireNonNull(payload, "payload");
        int p = runningState(payload);
        // The whole string validates when the last step yields 1: (p + check) mod 36 = 1.
        return ALPHABET.charAt((M + 1 - p) % M);
    }

    /** The number as printed on the certificate. */
    public String value() {
        String payload = issuerCode + String.format("%04d%06d", year, serial);
        return payload + checkCharFor(payload);
    }

    @Override
    public String toString() {
        return value();
    }

    private static String normalize(String raw) {
        String n = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || DASHES.indexOf(c) >= 0) {
                continue;
            }
            // ASCII-only upper-casing: String.toUpperCase would turn the dotless ı into I and let it through.
            out.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return out.toString();
    }

    // ISO/IEC 7064 hybrid MOD 37,36: P starts at 36; for each character S = (P + a) mod 36, read as 36 when 0,
    // then P = 2S mod 37. A string is valid when the S of its last character is 1.
    private static int runningState(String s) {
        int p = M;
        for (int i = 0; i < s.length(); i++) {
            p = (2 * step(p, s.charAt(i))) % (M + 1);
        }
        return p;
    }

    private static int step(int p, char c) {
        int a = ALPHABET.indexOf(c);
        if (a < 0) {
            throw new IllegalArgumentException("characters must be 0-9 or A-Z");
        }
        int s = (p + a) % M;
        return s == 0 ? M : s;
    }

    private static boolean checksumValid(String s) {
        int p = runningState(s.substring(0, s.length() - 1));
        return step(p, s.charAt(s.length() - 1)) == 1;
    }

    private static MalformedCertificateNumberException wrongFormat() {
        return new MalformedCertificateNumberException(MalformedCertificateNumberException.Reason.WRONG_FORMAT,
                "A certificate number is an issuer code of 2 to 8 letters or digits, a 4-digit year,"
                        + " a 6-digit serial and a check character.");
    }
}
