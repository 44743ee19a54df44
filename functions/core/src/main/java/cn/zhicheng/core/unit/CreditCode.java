package cn.zhicheng.core.unit;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An 18-character unified social credit code (统一社会信用代码, GB 32100-2015): the registration authority, the
 * category, the administrative division of the registering office, the organisation code and a check character.
 */
public final class CreditCode {

    /** The 31 characters a code is made of, in the order of their values: no I, O, S, V or Z. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** The weight of position i (from 0) is 3^i mod 31. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int LENGTH = 18;
    private static final int MODULUS = 31;
    /** The registration authorities (position 1) and the categories (position 2) each may give. */
    static final Map<Character, String> CATEGORIES = Map.ofEntries(
            Map.entry('1', "1239"), // 机构编制: 机关, 事业单位, 群众团体, 其他
            Map.entry('2', "19"), // 外交
            Map.entry('3', "123459"), // 司法行政
            Map.entry('4', "19"), // 文化
            Map.entry('5', "1239"), // 民政: 社会团体, 民办非企业单位, 基金会, 其他
            Map.entry('6', "129"), // 旅游
            Map.entry('7', "129"), // 宗教
            Map.entry('8', "19"), // 工会
            Map.entry('9', "123"), // 工商: 企业, 个体工商户, 农民专业合作社
            Map.entry('A', "19"), // 中央军委改革和编制办公室
            Map.entry('N', "1239"), // 农业
            Map.entry('Y', "1")); // 其他
    /** GB/T 2260 provinces, and 10 for offices of the state itself (100000). */
    static final Set<String> PROVINCES = Set.of("10", "11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
            "62", "63", "64", "65", "71", "81", "82");

    private final String value;

    private CreditCode(String value) {
        this.value = value;
    }

    /** Parses a code as typed: surrounding spaces are dropped and letters read in upper case. */
    public static CreditCode parse(String raw) {
        if (raw == null) {
            throw new InvalidCreditCodeException(InvalidCreditCodeException.Reason.WRONG_LENGTH, null,
                    "A unified social credit code is required.");
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH) {
            throw new InvalidCreditCodeException(InvalidCreditCodeException.Reason.WRONG_LENGTH, null,
                    "A unified social credit code has 18 characters; this one has " + s.length() + ".");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                throw new InvalidCreditCodeException(InvalidCreditCodeException.Reason.BAD_CHARACTER, null,
                        "Character " + (i + 1) + " ('" + s.charAt(i) + "') cannot be in a credit code: it uses the"
                                + " digits and the capital letters other than I, O, S, V and Z.");
            }
        }
        String categories = CATEGORIES.get(s.charAt(0));
        if (categories == null) {
            throw new InvalidCreditCodeException(InvalidCreditCodeException.Reason.BAD_REGISTRATION_AUTHORITY, null,
                    "The first character names the registration authority: 1–9, A, N or Y, not '" + s.charAt(0)
                            + "'.");
        }
        if (categories.indexOf(s.charAt(1)) < 0) {
            throw new InvalidCreditCodeException(InvalidCreditCodeException.Reason.BAD_CATEGORY, null,
                    "The second character is the category, one of " + String.join(", ", categories.split(""))
                            + " for registration authority " + s.charAt(0) + ", not '" + s.charAt(1) + "'.");
        }
        if (!isDivision(s.substring(2, 8))) {
            throw new InvalidCreditCodeException(InvalidCreditCodeException.Reason.BAD_DIVISION, null,
                    "Characters 3 to 8 are the administrative division code of the registering office (6 digits,"
                            + " GB/T 2260), not '" + s.substring(2, 8) + "'.");
        }
        char expected = checkCharFor(s.substring(0, LENGTH - 1));
        if (s.charAt(LENGTH - 1) != expected) {
            throw new InvalidCreditCodeException(InvalidCreditCodeException.Reason.BAD_CHECK_CHARACTER, expected,
                    "The check character (the 18th) of " + s.substring(0, LENGTH - 1) + "… should be '" + expected
                            + "', not '" + s.charAt(LENGTH - 1) + "'; please check the code for a typing mistake.");
        }
        return new CreditCode(s);
    }

    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidCreditCodeException e) {
            return false;
        }
    }

    /** The GB 32100 check character of the first 17 characters: 31 − (Σ value × weight mod 31), 31 read as 0. */
    public static char checkCharFor(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected exactly 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not of the code's alphabet");
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditCode other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isDivision(String six) {
        for (int i = 0; i < six.length(); i++) {
            if (six.charAt(i) < '0' || six.charAt(i) > '9') {
                return false;
            }
        }
        return PROVINCES.contains(six.substring(0, 2));
    }
}
