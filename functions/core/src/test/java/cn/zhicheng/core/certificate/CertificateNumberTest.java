package cn.zhicheng.core.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateNumberTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern LAYOUT = Pattern.compile("[0-9A-Z]{2,8}[0-9]{10}[0-9A-Z]");

    private static MalformedCertificateNumberException.Reason reasonFor(String raw) {
        return assertThrows(MalformedCertificateNumberException.class, () -> CertificateNumber.parse(raw)).reason();
    }

    // Published MOD 37,36 examples used by other ISO/IEC 7064 implementations, so ours is the standard algorithm.
    @ParameterizedTest
    @CsvSource({"A12425GABC1234002, M", "104G7M, 3", "12CD, 5"})
    void checkCharacterMatchesPublishedExamples(String payload, char expected) {
        assertEquals(expected, CertificateNumber.checkCharFor(payload));
    }

    @Test
    void R27_valueIsIssuerYearSerialAndCheckCharacter() {
        CertificateNumber n = CertificateNumber.of("RSJ", 2023, 42);
        String payload = "RSJ2023000042";
        assertEquals(payload + CertificateNumber.checkCharFor(payload), n.value());
        assertEquals(n.value(), n.toString());
        assertEquals("RSJ", n.issuerCode());
        assertEquals(2023, n.year());
        assertEquals(42L, n.serial());
    }

    @Test
    void roundTripThroughParse() {
        CertificateNumber n = CertificateNumber.of("SD370700", 2020, 999_999);
        assertEquals(n, CertificateNumber.parse(n.value()));
        assertTrue(CertificateNumber.isWellFormed(n.value()));
    }

    @Test
    void issuerEndingInDigitsSplitsFromTheRight() {
        CertificateNumber n = CertificateNumber.of("AB12", 2019, 7);
        CertificateNumber back = CertificateNumber.parse(n.value());
        assertEquals("AB12", back.issuerCode());
        assertEquals(2019, back.year());
        assertEquals(7L, back.serial());
    }

    @Test
    void parseIgnoresSpacesHyphensCaseAndFullWidth() {
        String v = CertificateNumber.of("WH01", 2023, 123_456).value();
        String lower = v.toLowerCase();
        String spaced = "  " + v.substring(0, 4) + " " + v.substring(4, 8) + "-" + v.substring(8, 14) + " - "
                + v.substring(14) + "\t";
        String dashed = lower.substring(0, 4) + "\u2013" + lower.substring(4, 8) + "\u3000" + lower.substring(8);
        StringBuilder fullWidth = new StringBuilder();
        v.chars().forEach(c -> fullWidth.append((char) (c - 0x21 + 0xFF01)));
        for (String raw : new String[] {lower, spaced, dashed, fullWidth.toString()}) {
            assertEquals(v, CertificateNumber.parse(raw).value(), raw);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "A20230000011", // issuer of one character
        "ABCDEFGHI2023000001X", // issuer of nine characters
        "AB2O23000001X", // letter O in the year
        "AB2023OOOOO1X", // letters in the serial
        "AB202300001X", // serial of five digits
        "AB_2023000001X",
        "AB2023000001", // no check character (and so a too-short serial)
        "ÄB2023000001X",
        "AB2023000001ı", // dotless i must not be upper-cased into I
    })
    void malformedLayoutIsRefused(String raw) {
        assertEquals(MalformedCertificateNumberException.Reason.WRONG_FORMAT, reasonFor(raw));
        assertFalse(CertificateNumber.isWellFormed(raw));
    }

    @Test
    void nullIsRefusedAsWrongFormat() {
        assertEquals(MalformedCertificateNumberException.Reason.WRONG_FORMAT, reasonFor(null));
        assertFalse(CertificateNumber.isWellFormed(null));
    }

    @Test
    void wrongCheckCharacterIsRefused() {
        String v = CertificateNumber.of("RSJ", 2023, 42).value();
        char wrong = v.charAt(v.length() - 1) == 'A' ? 'B' : 'A';
        String bad = v.substring(0, v.length() - 1) + wrong;
        assertEquals(MalformedCertificateNumberException.Reason.BAD_CHECK_CHARACTER, reasonFor(bad));
    }

    @ParameterizedTest
    @CsvSource({"rsj, 2023, 1", "R, 2023, 1", "ABCDEFGHI, 2023, 1", "R-J, 2023, 1", "RSJ, -1, 1", "RSJ, 10000, 1",
        "RSJ, 2023, -1", "RSJ, 2023, 1000000"})
    void ofRefusesPartsThatDoNotFitTheLayout(String issuer, int year, long serial) {
        assertThrows(IllegalArgumentException.class, () -> CertificateNumber.of(issuer, year, serial));
    }

    @Test
    void smallYearsAndSerialsArePaddedWithZeros() {
        CertificateNumber n = CertificateNumber.of("AB", 7, 0);
        assertTrue(n.value().startsWith("AB0007000000"));
        assertEquals(n, CertificateNumber.parse(n.value()));
    }

    // Documents a property of the standard hybrid system rather than a bug: swapping two neighbours with
    // consecutive values (here 5 and 4) can leave the check character valid. See the note on CertificateNumber.
    @Test
    void hybridSystemMissesSomeSwapsOfConsecutiveCharacters() {
        assertEquals("WSOM1999548902X", CertificateNumber.of("WSOM", 1999, 548_902).value());
        assertTrue(CertificateNumber.isWellFormed("WSOM1999458902X"));
    }

    // ---- properties over generated numbers ----

    @Provide
    Arbitrary<CertificateNumber> numbers() {
        Arbitrary<String> issuer = Arbitraries.strings().withChars(ALPHABET).ofMinLength(2).ofMaxLength(8);
        Arbitrary<Integer> year = Arbitraries.integers().between(0, 9999);
        Arbitrary<Long> serial = Arbitraries.longs().between(0, 999_999);
        return Combinators.combine(issuer, year, serial).as(CertificateNumber::of);
    }

    @Property(tries = 500)
    void everyNumberRoundTrips(@ForAll("numbers") CertificateNumber n) {
        String v = n.value();
        assertTrue(LAYOUT.matcher(v).matches(), v);
        assertEquals(n, CertificateNumber.parse(v));
        assertEquals(n, CertificateNumber.parse(v.toLowerCase()));
    }

    @Property(tries = 300)
    void everySingleCharacterSubstitutionIsDetected(@ForAll("numbers") CertificateNumber n) {
        String v = n.value();
        for (int i = 0; i < v.length(); i++) {
            for (char c : ALPHABET.toCharArray()) {
                if (c == v.charAt(i)) {
                    continue;
                }
                String changed = v.substring(0, i) + c + v.substring(i + 1);
                assertFalse(CertificateNumber.isWellFormed(changed), changed);
                // Where the change keeps the layout, it is the check character that catches it.
                if (LAYOUT.matcher(changed).matches()) {
                    assertEquals(MalformedCertificateNumberException.Reason.BAD_CHECK_CHARACTER, reasonFor(changed));
                }
            }
        }
    }

    @Property(tries = 300)
    void everyAdjacentSwapIsDetectedUnlessTheCharactersAreConsecutive(@ForAll("numbers") CertificateNumber n) {
        String v = n.value();
        for (int i = 0; i + 1 < v.length(); i++) {
            char a = v.charAt(i);
            char b = v.charAt(i + 1);
            if (a == b) {
                continue;
            }
            String swapped = v.substring(0, i) + b + a + v.substring(i + 2);
            boolean detected = !CertificateNumber.isWellFormed(swapped);
            // The only swaps MOD 37,36 can miss are of values next to each other modulo 36 (see CertificateNumber).
            int diff = Math.floorMod(ALPHABET.indexOf(a) - ALPHABET.indexOf(b), 36);
            boolean consecutive = diff == 1 || diff == 35;
            if (!consecutive) {
                assertTrue(detected, v + " -> " + swapped);
            }
            Statistics.label("adjacent swap").collect(detected ? "detected" : "missed");
        }
    }

    @Test
    void adjacentSwapsAreDetectedAtLeast99PercentOfTheTime() {
        long seed = 20_230_626L;
        System.out.println("CertificateNumberTest swap-rate seed: " + seed);
        java.util.Random random = new java.util.Random(seed);
        int swaps = 0;
        int missed = 0;
        for (int k = 0; k < 2_000; k++) {
            StringBuilder issuer = new StringBuilder();
            for (int i = 2 + random.nextInt(7); i > 0; i--) {
                issuer.append(ALPHABET.charAt(random.nextInt(36)));
            }
            String v = CertificateNumber.of(issuer.toString(), random.nextInt(10_000), random.nextInt(1_000_000))
                    .value();
            for (int i = 0; i + 1 < v.length(); i++) {
                if (v.charAt(i) != v.charAt(i + 1)) {
                    swaps++;
                    if (CertificateNumber.isWellFormed(v.substring(0, i) + v.charAt(i + 1) + v.charAt(i)
                            + v.substring(i + 2))) {
                        missed++;
                    }
                }
            }
        }
        assertTrue(missed * 100 < swaps, missed + " of " + swaps + " swaps missed");
        assertNotEquals(0, swaps);
    }
}
