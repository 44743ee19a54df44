package cn.zhicheng.core.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

    // A fixed "today" keeps the birth-date checks independent of when the suite runs.
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    // The worked example published in GB 11643-1999 itself, not a real person's number.
    private static final String GB_EXAMPLE = "11010519491231002X";

    private static String withCheck(String first17) {
        return first17 + IdNumber.checkCharFor(first17);
    }

    private static InvalidIdNumberException.Reason reasonFor(String raw) {
        return assertThrows(InvalidIdNumberException.class, () -> IdNumber.parse(raw, TODAY)).reason();
    }

    @Test
    void checkCharOfTheStandardsExampleIsX() {
        assertEquals("X", IdNumber.checkCharFor("11010519491231002"));
    }

    @Test
    void parsesTheStandardsExample() {
        IdNumber id = IdNumber.parse(GB_EXAMPLE, TODAY);
        assertEquals(GB_EXAMPLE, id.value());
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals(Sex.FEMALE, id.sex());
    }

    @Test
    void defaultParseUsesTodaysDate() {
        assertEquals(GB_EXAMPLE, IdNumber.parse(GB_EXAMPLE).value());
        assertTrue(IdNumber.isValid(GB_EXAMPLE));
    }

    @Test
    void oddSeventeenthDigitIsMale() {
        IdNumber id = IdNumber.parse(withCheck("37070219800101123"), TODAY);
        assertEquals(Sex.MALE, id.sex());
        assertEquals(LocalDate.of(1980, 1, 1), id.birthDate());
    }

    @Test
    void evenSeventeenthDigitIncludingZeroIsFemale() {
        assertEquals(Sex.FEMALE, IdNumber.parse(withCheck("37070219800101120"), TODAY).sex());
        assertEquals(Sex.FEMALE, IdNumber.parse(withCheck("37070219800101128"), TODAY).sex());
    }

    @Test
    void trailingLowerCaseXIsAcceptedAndStoredUpperCase() {
        IdNumber id = IdNumber.parse("11010519491231002x", TODAY);
        assertEquals(GB_EXAMPLE, id.value());
        assertEquals(IdNumber.parse(GB_EXAMPLE, TODAY), id);
    }

    @Test
    void surroundingWhitespaceIsTrimmed() {
        assertEquals(GB_EXAMPLE, IdNumber.parse("  11010519491231002x\t", TODAY).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1101051949123100", "11010519491231002", "11010519491231002X1", "110105194912310"})
    void wrongLengthIsRefused(String raw) {
        assertEquals(InvalidIdNumberException.Reason.WRONG_LENGTH, reasonFor(raw));
    }

    @Test
    void nullIsRefusedAsWrongLength() {
        assertEquals(InvalidIdNumberException.Reason.WRONG_LENGTH, reasonFor(null));
        assertFalse(IdNumber.isValid(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1101051949123100AX", // letter among the first 17
        "X10105194912310021", // X only allowed last
        "11010519491231002Y", // other letter as check character
        "110105 949123 1002", // inner spaces are not trimmed
        "１１０１０５１９４９１２３１００２X", // full-width digits look like digits but are not ASCII
        "-1010519491231002X",
    })
    void nonDigitsAreRefused(String raw) {
        assertEquals(InvalidIdNumberException.Reason.NOT_DIGITS, reasonFor(raw));
    }

    @Test
    void february30IsRefused() {
        assertEquals(InvalidIdNumberException.Reason.BAD_BIRTH_DATE, reasonFor(withCheck("11010519900230123")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "19901301", // month 13
        "19900001", // month 0
        "19900100", // day 0
        "19900431", // April 31
        "19000229", // 1900 is not a leap year
        "18991231", // before 1900
        "20260616", // the day after TODAY
        "99991231",
    })
    void impossibleOrOutOfRangeBirthDatesAreRefused(String yyyyMMdd) {
        assertEquals(InvalidIdNumberException.Reason.BAD_BIRTH_DATE, reasonFor(withCheck("110105" + yyyyMMdd + "123")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"19000101", "20000229", "20260615"})
    void boundaryBirthDatesAreAccepted(String yyyyMMdd) {
        IdNumber id = IdNumber.parse(withCheck("110105" + yyyyMMdd + "123"), TODAY);
        assertEquals(yyyyMMdd, id.birthDate().toString().replace("-", ""));
    }

    @Test
    void wrongCheckDigitIsRefused() {
        assertEquals(InvalidIdNumberException.Reason.BAD_CHECK_DIGIT, reasonFor("110105194912310021"));
        assertFalse(IdNumber.isValid("110105194912310021", TODAY));
    }

    @Test
    void maskedKeepsFirstAndLastFour() {
        assertEquals("1101**********002X", IdNumber.parse(GB_EXAMPLE, TODAY).masked());
        IdNumber id = IdNumber.parse(withCheck("37070219800101123"), TODAY);
        assertEquals("3707**********123" + IdNumber.checkCharFor("37070219800101123"), id.masked());
    }

    @Test
    void maskOfStoredValues() {
        assertEquals("abcd**********wxyz", IdNumber.mask("abcdefghijklmnwxyz"));
        // Anything that is not 18 characters long is masked completely: it may be some other identifier.
        assertEquals("***************", IdNumber.mask("370702198001011"));
        assertEquals("", IdNumber.mask(""));
        assertNull(IdNumber.mask(null));
    }

    @Test
    void toStringDoesNotLeakTheNumber() {
        IdNumber id = IdNumber.parse(GB_EXAMPLE, TODAY);
        assertEquals(id.masked(), id.toString());
        assertFalse(id.toString().contains("0519491231"));
        assertFalse(String.valueOf(id).contains(GB_EXAMPLE));
    }

    @Test
    void exceptionMessagesDoNotLeakTheNumber() {
        for (String raw : new String[] {"110105194912310021", withCheck("11010519900230123"), "1101051949123100AX"}) {
            InvalidIdNumberException e = assertThrows(InvalidIdNumberException.class, () -> IdNumber.parse(raw, TODAY));
            assertFalse(e.getMessage().contains(raw.substring(6, 14)), e.getMessage());
        }
    }

    @Test
    void equalityIsByValue() {
        IdNumber a = IdNumber.parse(GB_EXAMPLE, TODAY);
        IdNumber b = IdNumber.parse(" 11010519491231002x ", TODAY);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, IdNumber.parse(withCheck("11010519491231001"), TODAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1101051949123100", "110105194912310021", "1101051949123100A"})
    void checkCharForRefusesAnythingButSeventeenDigits(String first17) {
        assertThrows(IllegalArgumentException.class, () -> IdNumber.checkCharFor(first17));
    }

    @Test
    void checkCharForRefusesNull() {
        assertThrows(IllegalArgumentException.class, () -> IdNumber.checkCharFor(null));
    }

    // ---- properties over generated valid numbers ----

    @Provide
    Arbitrary<String> validNumbers() {
        Arbitrary<String> area = Arbitraries.integers().between(110000, 659999).map(String::valueOf);
        Arbitrary<String> birth = Arbitraries.longs()
                .between(LocalDate.of(1900, 1, 1).toEpochDay(), TODAY.toEpochDay())
                .map(day -> LocalDate.ofEpochDay(day).toString().replace("-", ""));
        Arbitrary<String> sequence = Arbitraries.integers().between(0, 999).map(n -> String.format("%03d", n));
        return Combinators.combine(area, birth, sequence).as((a, b, s) -> withCheck(a + b + s));
    }

    @Property(tries = 500)
    void generatedNumbersRoundTrip(@ForAll("validNumbers") String raw) {
        IdNumber id = IdNumber.parse(raw, TODAY);
        assertEquals(raw, id.value());
        assertEquals(raw.substring(6, 14), id.birthDate().toString().replace("-", ""));
        assertEquals((raw.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE, id.sex());
        assertEquals(raw.substring(0, 4) + "**********" + raw.substring(14), id.toString());
    }

    @Property(tries = 300)
    void everySingleCharacterChangeIsRejected(@ForAll("validNumbers") String raw) {
        String alphabet = "0123456789X";
        for (int i = 0; i < raw.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c == raw.charAt(i)) {
                    continue;
                }
                String changed = raw.substring(0, i) + c + raw.substring(i + 1);
                assertFalse(IdNumber.isValid(changed, TODAY), "position " + (i + 1) + " changed to " + c);
            }
        }
    }

    @Property(tries = 300)
    void everyAdjacentSwapOfDifferentCharactersIsRejected(@ForAll("validNumbers") String raw) {
        // MOD 11-2 is a pure system with a prime modulus, so it catches neighbour swaps too.
        for (int i = 0; i + 1 < raw.length(); i++) {
            if (raw.charAt(i) == raw.charAt(i + 1)) {
                continue;
            }
            String swapped = raw.substring(0, i) + raw.charAt(i + 1) + raw.charAt(i) + raw.substring(i + 2);
            assertFalse(IdNumber.isValid(swapped, TODAY), "positions " + (i + 1) + " and " + (i + 2) + " swapped");
        }
    }

    @Property(tries = 300)
    void maskOfAnyEighteenCharactersKeepsOnlyTheEnds(@ForAll("eighteenChars") String any) {
        String masked = IdNumber.mask(any);
        assertEquals(18, masked.length());
        assertEquals(any.substring(0, 4), masked.substring(0, 4));
        assertEquals(any.substring(14), masked.substring(14));
        assertEquals("**********", masked.substring(4, 14));
    }

    @Provide
    Arbitrary<String> eighteenChars() {
        return Arbitraries.strings().alpha().numeric().ofLength(18);
    }
}
