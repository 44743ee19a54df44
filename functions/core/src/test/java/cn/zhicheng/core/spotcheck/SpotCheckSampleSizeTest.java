package cn.zhicheng.core.spotcheck;

import static cn.zhicheng.core.spotcheck.SpotCheckSampleSize.MINIMUM_RATIO;
import static cn.zhicheng.core.spotcheck.SpotCheckSampleSize.sampleSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpotCheckSampleSizeTest {

    @Test
    void R18_minimumRatioIsFifteenPercent() {
        assertEquals(0, new BigDecimal("0.15").compareTo(MINIMUM_RATIO));
    }

    @Test
    void R18_sampleIsAtLeastFifteenPercentRoundedUp() {
        for (int n = 0; n <= 10_000; n++) {
            // ceil(15n / 100) in integer arithmetic, independent of the BigDecimal code under test.
            assertEquals((15 * n + 99) / 100, sampleSize(n, MINIMUM_RATIO), "population " + n);
        }
    }

    @Test
    void R18_everyNonEmptySeriesHasAtLeastOneApplicantChecked() {
        assertEquals(0, sampleSize(0, MINIMUM_RATIO));
        for (int n = 1; n <= 10_000; n++) {
            assertTrue(sampleSize(n, MINIMUM_RATIO) >= 1, "population " + n);
        }
    }

    @Test
    void R18_sampleNeverShrinksAsThePopulationGrows() {
        int previous = sampleSize(0, MINIMUM_RATIO);
        for (int n = 1; n <= 10_000; n++) {
            int size = sampleSize(n, MINIMUM_RATIO);
            assertTrue(size >= previous, "population " + n);
            previous = size;
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "6, 1", "7, 2", "20, 3", "21, 4", "100, 15", "101, 16", "1000, 150"})
    void R18_examples(int population, int expected) {
        assertEquals(expected, sampleSize(population, MINIMUM_RATIO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.14", "0.1499", "0.149999999999", "0", "-0.5"})
    void R18_ratioBelowFifteenPercentIsRefused(String ratio) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sampleSize(100, new BigDecimal(ratio)));
        assertTrue(e.getMessage().contains("R18"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.15", "0.150", "0.1500000", "1.5E-1"})
    void R18_fifteenPercentInAnyScaleIsAccepted(String ratio) {
        assertEquals(15, sampleSize(100, new BigDecimal(ratio)));
    }

    @Test
    void ratioOfOneChecksEveryone() {
        assertEquals(100, sampleSize(100, BigDecimal.ONE));
        assertEquals(Integer.MAX_VALUE, sampleSize(Integer.MAX_VALUE, BigDecimal.ONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0001", "1.5", "100"})
    void ratioAboveOneIsRefused(String ratio) {
        assertThrows(IllegalArgumentException.class, () -> sampleSize(100, new BigDecimal(ratio)));
    }

    @Test
    void negativePopulationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> sampleSize(-1, MINIMUM_RATIO));
    }

    @Test
    void nullRatioIsRefused() {
        assertThrows(NullPointerException.class, () -> sampleSize(10, null));
    }

    @Test
    void R18_roundingIsExactWhereDoubleArithmeticWouldOvershoot() {
        // 0.28 * 25 is 7.000000000000001 in double; the exact answer is 7.
        assertEquals(7, sampleSize(25, new BigDecimal("0.28")));
        assertEquals(51, sampleSize(150, new BigDecimal("0.34")));
    }

    // ---- properties ----

    /** Ratios from 0.15 to 1 with up to 6 decimals, as basis points of basis points: ratio = k / 10^6. */
    @Provide
    Arbitrary<Integer> ratioMillionths() {
        return Arbitraries.integers().between(150_000, 1_000_000);
    }

    private static BigDecimal ratio(int millionths) {
        return BigDecimal.valueOf(millionths, 6);
    }

    @Property(tries = 2_000)
    void R18_sizeIsExactlyTheCeilingOfRatioTimesPopulation(
            @ForAll @IntRange(min = 0, max = 10_000_000) int population, @ForAll("ratioMillionths") int k) {
        long expected = ((long) k * population + 999_999L) / 1_000_000L;
        assertEquals(expected, sampleSize(population, ratio(k)));
    }

    @Property(tries = 2_000)
    void R18_higherRatioNeverGivesSmallerSample(
            @ForAll @IntRange(min = 0, max = 1_000_000) int population,
            @ForAll("ratioMillionths") int k1, @ForAll("ratioMillionths") int k2) {
        int low = Math.min(k1, k2);
        int high = Math.max(k1, k2);
        assertTrue(sampleSize(population, ratio(high)) >= sampleSize(population, ratio(low)));
    }

    @Property(tries = 2_000)
    void R18_sampleLiesBetweenTheMinimumAndThePopulation(
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int population, @ForAll("ratioMillionths") int k) {
        int size = sampleSize(population, ratio(k));
        assertTrue(size <= population);
        assertTrue(size >= sampleSize(population, MINIMUM_RATIO));
        assertTrue(population == 0 ? size == 0 : size >= 1);
    }
}
