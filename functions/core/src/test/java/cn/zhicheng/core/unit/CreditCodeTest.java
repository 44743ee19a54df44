package cn.zhicheng.core.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    private static InvalidCreditCodeException refusal(String raw) {
        return assertThrows(InvalidCreditCodeException.class, () -> CreditCode.parse(raw));
    }

    private static String withCheck(String first17) {
        return first17 + CreditCode.checkCharFor(first17);
    }

    // Codes published by the registering offices: a company (9 1), a public institution (1 2) and a unit of the
    // demo city. A wrong weight or alphabet would refuse at least one of them.
    @ParameterizedTest
    @ValueSource(strings = {"91440300708461136T", "914403001922038216", "91330100716105852F", "12100000400000624D",
        "91370700MA3C5JXK2L"})
    void publishedCodesAreValid(String code) {
        assertEquals(code, CreditCode.parse(code).value());
        assertTrue(CreditCode.isValid(code));
    }

    @Test
    void theCheckCharacterCanBeZeroWhenTheSumIsAMultipleOf31() {
        // 31 − 0 would be 31, which the standard reads as 0
        String first17 = "91370700MA3C5JXK2";
        for (char c : CreditCode.ALPHABET.toCharArray()) {
            String candidate = first17.substring(0, 16) + c;
            if (CreditCode.checkCharFor(candidate) == '0') {
                assertTrue(CreditCode.isValid(candidate + "0"));
                return;
            }
        }
        throw new AssertionError("some last organisation-code character gives the check character 0");
    }

    @Test
    void spacesAndLowerCaseAreForgiven() {
        assertEquals("91370700MA3C5JXK2L", CreditCode.parse("  91370700ma3c5jxk2l ").value());
    }

    @Test
    void aWrongCheckCharacterIsRefusedNamingTheExpectedOne() {
        InvalidCreditCodeException e = refusal("91370700MA3C5JXK2M");
        assertEquals(InvalidCreditCodeException.Reason.BAD_CHECK_CHARACTER, e.reason());
        assertEquals('L', e.expectedCheckCharacter());
        assertTrue(e.getMessage().contains("should be 'L'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91370700MA3C5JXK2", "91370700MA3C5JXK2LL"})
    void wrongLengthIsRefused(String raw) {
        assertEquals(InvalidCreditCodeException.Reason.WRONG_LENGTH, refusal(raw).reason());
    }

    @Test
    void nullIsRefused() {
        assertEquals(InvalidCreditCodeException.Reason.WRONG_LENGTH, refusal(null).reason());
        assertFalse(CreditCode.isValid(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I", "O", "S", "V", "Z", "-", "１"})
    void charactersOutsideTheAlphabetAreRefused(String c) {
        InvalidCreditCodeException e = refusal("91370700MA3C5J" + c + "K2L");
        assertEquals(InvalidCreditCodeException.Reason.BAD_CHARACTER, e.reason());
        assertNull(e.expectedCheckCharacter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "B", "X"})
    void anUnknownRegistrationAuthorityIsRefused(String first) {
        assertEquals(InvalidCreditCodeException.Reason.BAD_REGISTRATION_AUTHORITY,
                refusal(withCheck(first + "1370700MA3C5JXK2")).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"94", "Y2", "14", "20", "5A"})
    void aCategoryTheAuthorityDoesNotGiveIsRefused(String firstTwo) {
        assertEquals(InvalidCreditCodeException.Reason.BAD_CATEGORY,
                refusal(withCheck(firstTwo + "370700MA3C5JXK2")).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"37070A", "990700", "000000", "3707 0"})
    void aDivisionThatIsNoProvinceOrNotDigitsIsRefused(String division) {
        String first17 = "91" + division.replace(' ', 'Y') + "MA3C5JXK2";
        assertEquals(InvalidCreditCodeException.Reason.BAD_DIVISION, refusal(withCheck(first17)).reason());
    }

    @Test
    void checkCharForRefusesAnythingButSeventeenCodeCharacters() {
        assertThrows(IllegalArgumentException.class, () -> CreditCode.checkCharFor(null));
        assertThrows(IllegalArgumentException.class, () -> CreditCode.checkCharFor("9137"));
        assertThrows(IllegalArgumentException.class, () -> CreditCode.checkCharFor("91370700MA3C5JXKI"));
    }

    // ---- properties over generated valid codes ----

    @Provide
    Arbitrary<String> validCodes() {
        Arbitrary<String> authorityAndCategory = Arbitraries.of(CreditCode.CATEGORIES.keySet())
                .flatMap(authority -> Arbitraries.of(CreditCode.CATEGORIES.get(authority).toCharArray())
                        .map(category -> "" + authority + category));
        Arbitrary<String> division = Combinators.combine(Arbitraries.of(CreditCode.PROVINCES),
                Arbitraries.integers().between(0, 9999)).as((p, n) -> p + String.format("%04d", n));
        Arbitrary<String> organisation = Arbitraries.of(CreditCode.ALPHABET.toCharArray()).list().ofSize(9)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
        return Combinators.combine(authorityAndCategory, division, organisation).as((a, d, o) -> withCheck(a + d + o));
    }

    @Property(tries = 500)
    void generatedCodesRoundTrip(@ForAll("validCodes") String code) {
        assertEquals(code, CreditCode.parse(code).value());
    }

    @Property(tries = 300)
    void everySingleCharacterChangeIsRefused(@ForAll("validCodes") String code) {
        // the check is MOD 31 with weights prime to 31, so any one substitution changes the sum's residue
        for (int i = 0; i < code.length(); i++) {
            for (char c : (CreditCode.ALPHABET + "IOSVZ").toCharArray()) {
                if (c == code.charAt(i)) {
                    continue;
                }
                String changed = code.substring(0, i) + c + code.substring(i + 1);
                assertFalse(CreditCode.isValid(changed), "position " + (i + 1) + " changed to " + c);
            }
        }
    }
}
