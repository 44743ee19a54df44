package cn.zhicheng.core.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** An 18-character 居民身份证号 (GB 11643-1999), validated on parse and masked whenever it is printed. */
public final class IdNumber {

    /** ISO 7064 MOD 11-2 weights for the first 17 digits (2^(17-i) mod 11). */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Check character indexed by the weighted sum mod 11. */
    private static final String CHECK_CHARS = "10X98765432";
    private static final int LENGTH = 18;
    private static final int MASKED_MIDDLE = 10;
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    // The numbers are issued in China, so "not in the future" is judged on China's calendar, not the server's zone.
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final String value;
    private final LocalDate birthDate;

    private IdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Parses a number typed by a person, judging the birth date against today's date in China. */
    public static IdNumber parse(String raw) {
        return parse(raw, LocalDate.now(CHINA));
    }

    /** Parses a number, judging "birth date not in the future" against the given date (for tests and batch jobs). */
    public static IdNumber parse(String raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (raw == null) {
            throw new InvalidIdNumberException(InvalidIdNumberException.Reason.WRONG_LENGTH,
                    "An ID number is required.");
        }
        String s = raw.trim();
        if (s.length() != LENGTH) {
            throw new InvalidIdNumberException(InvalidIdNumberException.Reason.WRONG_LENGTH,
                    "An ID number has 18 characters; this one has " + s.length() + ".");
        }
        // People type the check character X in lower case as often as upper case; both mean the same number.
        if (s.charAt(LENGTH - 1) == 'x') {
            s = s.substring(0, LENGTH - 1) + 'X';
        }
        char last = s.charAt(LENGTH - 1);
        if (!isAsciiDigits(s, LENGTH - 1) || !(isAsciiDigit(last) || last == 'X')) {
            throw new InvalidIdNumberException(InvalidIdNumberException.Reason.NOT_DIGITS,
                    "An ID number is 17 digits followed by a digit or X.");
        }
        LocalDate birth = birthDateOf(s);
        if (birth == null || birth.isBefore(EARLIEST_BIRTH_DATE) || birth.isAfter(today)) {
            throw new InvalidIdNumberException(InvalidIdNumberException.Reason.BAD_BIRTH_DATE,
                    "The birth date in the ID number (characters 7 to 14) is not a real date"
                            + " between 1900-01-01 and today.");
        }
        if (!checkCharFor(s.substring(0, LENGTH - 1)).equals(s.substring(LENGTH - 1))) {
            throw new InvalidIdNumberException(InvalidIdNumberException.Reason.BAD_CHECK_DIGIT,
                    "The last character of the ID number does not match the first 17 digits;"
                            + " please check it for a typing mistake.");
        }
        return new IdNumber(s, birth);
    }

    public static boolean isValid(String raw) {
        return isValid(raw, LocalDate.now(CHINA));
    }

    public static boolean isValid(String raw, LocalDate today) {
        try {
            parse(raw, today);
            return true;
        } catch (InvalidIdNumberException e) {
            return false;
        }
    }

    /** The GB 11643 check character (a digit or X) for the first 17 digits of a number. */
    public static String checkCharFor(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1 || !isAsciiDigits(first17, LENGTH - 1)) {
            throw new IllegalArgumentException("expected exactly 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return String.valueOf(CHECK_CHARS.charAt(sum % 11));
    }

    /**
     * Masks a stored value for display: an 18-character value keeps its first 4 and last 4 characters, anything
     * else is fully masked, because a value that is not a well-formed number may be some other identifier
     * that must not leak either. A null stays null.
     */
    public static String mask(String anyStoredValue) {
        if (anyStoredValue == null) {
            return null;
        }
        if (anyStoredValue.length() != LENGTH) {
            return "*".repeat(anyStoredValue.length());
        }
        return anyStoredValue.substring(0, 4) + "*".repeat(MASKED_MIDDLE) + anyStoredValue.substring(LENGTH - 4);
    }

    /** The full number: only for storage and for the certificate itself (R27), never for logs. */
    public String value() {
        return value;
    }

    public String masked() {
        return mask(value);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        // The 17th character is the sequence code's last digit: odd for men, even for women.
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form, so that an IdNumber that reaches a log line or an exception message does not leak. */
    @Override
    public String toString() {
        return masked();
    }

    private static LocalDate birthDateOf(String s) {
        int year = Integer.parseInt(s, 6, 10, 10);
        int month = Integer.parseInt(s, 10, 12, 10);
        int day = Integer.parseInt(s, 12, 14, 10);
        try {
            // LocalDate.of is strict: Feb 30, month 13 and day 00 are refused rather than rolled over.
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    // Character.isDigit would also accept full-width and other scripts' digits, which are not valid here.
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiDigits(String s, int count) {
        for (int i = 0; i < count; i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
