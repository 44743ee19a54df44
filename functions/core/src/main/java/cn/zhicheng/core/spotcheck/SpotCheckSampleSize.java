package cn.zhicheng.core.spotcheck;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** How many applicants of a series a committee must spot-check: at least 15% of them, rounded up (R18). */
public final class SpotCheckSampleSize {

    /** R18: evidence of at least 15% of all applicants of a series is checked. */
    public static final BigDecimal MINIMUM_RATIO = new BigDecimal("0.15");

    private SpotCheckSampleSize() {
    }

    /**
     * The number of applicants to check out of {@code population}, as ceil(ratio × population) computed exactly.
     *
     * @throws IllegalArgumentException if population is negative, or ratio is below 0.15 (R18) or above 1
     */
    public static int sampleSize(int population, BigDecimal ratio) {
        Objects.requireNonNull(ratio, "ratio");
        if (population < 0) {
            throw new IllegalArgumentException("population must not be negative, got " + population);
        }
        if (ratio.compareTo(MINIMUM_RATIO) < 0) {
            throw new IllegalArgumentException(
                    "R18: the spot-check ratio must be at least " + MINIMUM_RATIO + ", got " + ratio.toPlainString());
        }
        if (ratio.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the spot-check ratio must be at most 1, got " + ratio.toPlainString());
        }
        // R18 says "rounded up", so the product must be exact: in double arithmetic 0.28 × 25 is
        // 7.000000000000001 and would be rounded up to 8. Since ratio > 0, any population > 0 gives at least 1;
        // since ratio <= 1, the result never exceeds population and fits in an int.
        return ratio.multiply(BigDecimal.valueOf(population)).setScale(0, RoundingMode.CEILING).intValueExact();
    }
}
