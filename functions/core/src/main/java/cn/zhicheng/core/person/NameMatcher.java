package cn.zhicheng.core.person;

import java.text.Normalizer;

/** Compares personal names for certificate lookup (R28), ignoring spacing, character width and middle dots. */
public final class NameMatcher {

    // The separators used in minority and foreign names (e.g. 阿沛·阿旺晋美), as they are left after NFKC:
    // U+00B7 ·, U+2022 •, U+30FB ・ (NFKC also maps half-width U+FF65 here), and '.', which is what NFKC makes of
    // the full-width U+FF0E ．. People type whichever their input method offers, so none of them may decide a match.
    private static final String SEPARATORS = "\u00B7\u2022\u30FB.";

    private NameMatcher() {
    }

    /**
     * True when both names are the same after normalization. A name that is null or normalizes to nothing matches
     * nothing, so that a blank form field can never find someone's certificate.
     */
    public static boolean sameName(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String na = normalize(a);
        return !na.isEmpty() && na.equals(normalize(b));
    }

    /** The form names are compared in: NFKC, with all white space and middle-dot separators removed. */
    public static String normalize(String name) {
        // NFKC first, so full-width letters and the ideographic space (U+3000) become their plain forms.
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && SEPARATORS.indexOf(cp) < 0)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
