package cn.zhicheng.core.spotcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** R18, R19: the spot-check draw as a pure function, with the test vector of docs/spotcheck.md. */
class SampleDrawTest {

    // The test vector of docs/spotcheck.md, computed independently with Python's hashlib.
    static final String SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    static final String SALT = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
    static final List<UUID> POPULATION = ids("0f8fad5b-d9cb-469f-a165-70867728950e",
            "7c9e6679-7425-40de-944b-e07fc1f90ae7", "16fd2706-8baf-433b-82eb-8c7fada847da",
            "886313e1-3b8a-5372-9b90-0c9aee199e5d", "c56a4180-65aa-42ec-a945-5fd21dec0538",
            "e99a18c4-28cb-4f5d-a2b6-6d9d2a2b1a36", "a1b2c3d4-e5f6-4789-abcd-ef0123456789",
            "3f333df6-90a4-4fda-8dd3-9485d27cee36");
    static final String POPULATION_HASH = "96196e2ede9db4a97758b5246e3cac6e9600d07746e8e12f5036e47fd60ccd2a";
    static final String COMMITMENT = "2a8abfa8cb9906290437854193ca6bca41d4d4e26d1d454bd66a35158095e737";
    static final String DRAW_SEED = "0587ed56216a6b0f2188d07bb05a496692520a5b99404017c1dae2ea80cc069d";
    static final List<UUID> RANKED = ids("a1b2c3d4-e5f6-4789-abcd-ef0123456789",
            "c56a4180-65aa-42ec-a945-5fd21dec0538", "886313e1-3b8a-5372-9b90-0c9aee199e5d",
            "16fd2706-8baf-433b-82eb-8c7fada847da", "3f333df6-90a4-4fda-8dd3-9485d27cee36",
            "0f8fad5b-d9cb-469f-a165-70867728950e", "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            "e99a18c4-28cb-4f5d-a2b6-6d9d2a2b1a36");
    static final List<UUID> EXPERTS = ids("11111111-1111-4111-8111-111111111111",
            "22222222-2222-4222-8222-222222222222", "33333333-3333-4333-8333-333333333333",
            "44444444-4444-4444-8444-444444444444");
    static final List<UUID> INSPECTORS_OF_FIRST = ids("22222222-2222-4222-8222-222222222222",
            "44444444-4444-4444-8444-444444444444", "33333333-3333-4333-8333-333333333333",
            "11111111-1111-4111-8111-111111111111");

    @Test
    void R19_testVectorOfTheContract() {
        assertEquals(POPULATION_HASH, SampleDraw.populationHash(POPULATION));
        assertEquals(POPULATION_HASH, SampleDraw.commitment(SampleDraw.populationText(POPULATION)));
        assertEquals(COMMITMENT, SampleDraw.commitment(SEED));
        assertEquals(DRAW_SEED, SampleDraw.drawSeed(SEED, SALT));
        assertEquals("1f33374cb7740ed3ae38410a6957bfcfc94222ec0d9de76a5bdedc92d2af4f6a",
                SampleDraw.sampleRank(DRAW_SEED, RANKED.get(0)));
        assertEquals(RANKED, SampleDraw.sample(DRAW_SEED, POPULATION, 8));
        int size = SampleDraw.sampleSize(POPULATION.size(), new BigDecimal("0.15"));
        assertEquals(2, size);
        assertEquals(RANKED.subList(0, 2), SampleDraw.sample(DRAW_SEED, POPULATION, size));
        assertEquals("20ba153d7c9cffa6da4108d181fb67d38de0c90ba4247c564f3f4dbca01c11ac",
                SampleDraw.inspectorRank(DRAW_SEED, RANKED.get(0), INSPECTORS_OF_FIRST.get(0)));
        assertEquals(INSPECTORS_OF_FIRST, SampleDraw.inspectors(DRAW_SEED, RANKED.get(0), EXPERTS, 4));
        assertEquals(INSPECTORS_OF_FIRST.subList(0, 2), SampleDraw.inspectors(DRAW_SEED, RANKED.get(0), EXPERTS, 2));
    }

    @Test
    void R19_theEmptyPopulationHashesTheEmptyText() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                SampleDraw.populationHash(List.of()));
        assertEquals(List.of(), SampleDraw.sample(DRAW_SEED, List.of(), 0));
    }

    @Test
    void R19_seedsSaltsAndCommitmentsAreSixtyFourLowerCaseHexCharacters() {
        assertTrue(SampleDraw.isHex64(SEED));
        assertFalse(SampleDraw.isHex64(SEED.toUpperCase()));
        assertFalse(SampleDraw.isHex64(SEED.substring(1)));
        assertFalse(SampleDraw.isHex64(null));
        assertThrows(IllegalArgumentException.class, () -> SampleDraw.drawSeed("abc", SALT));
        assertThrows(IllegalArgumentException.class, () -> SampleDraw.sample("xyz", POPULATION, 1));
    }

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    }

    @Property(tries = 1000)
    void R18_sampleSizeIsCeilOfRatioTimesPopulation(@ForAll @IntRange(max = 10_000) int n,
            @ForAll @IntRange(min = 1500, max = 10_000) int ratioTenThousandths) {
        BigDecimal ratio = BigDecimal.valueOf(ratioTenThousandths, 4);
        int size = SampleDraw.sampleSize(n, ratio);
        // ceil in integers: the smallest size with size * 10000 >= n * ratio * 10000
        long exact = (long) n * ratioTenThousandths;
        assertEquals((exact + 9_999) / 10_000, size);
        assertEquals(ratio.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).intValue(), size);
        assertTrue(n == 0 ? size == 0 : size >= 1 && size <= n);
        assertTrue(size * 100L >= n * 15L, "R18: at least 15%");
    }

    @Property(tries = 300)
    void R19_sameSeedSameSample(@ForAll("seeds") String seed, @ForAll("seeds") String salt,
            @ForAll @IntRange(max = 300) int n, @ForAll long shuffle) {
        List<UUID> population = population(n, shuffle);
        String drawSeed = SampleDraw.drawSeed(seed, salt);
        int size = SampleDraw.sampleSize(n, SpotCheckSampleSize.MINIMUM_RATIO);
        List<UUID> first = SampleDraw.sample(drawSeed, population, size);
        List<UUID> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(shuffle + 1));
        assertEquals(first, SampleDraw.sample(SampleDraw.drawSeed(seed, salt), shuffled, size));
        assertEquals(SampleDraw.populationHash(population), SampleDraw.populationHash(shuffled));
        assertEquals(size, first.size());
        assertEquals(size, new HashSet<>(first).size(), "no application twice");
        assertTrue(population.containsAll(first));
    }

    @Property(tries = 300)
    void R19_differentSeedDifferentSample(@ForAll("seeds") String seed, @ForAll("seeds") String other,
            @ForAll("seeds") String salt, @ForAll @IntRange(min = 20, max = 300) int n, @ForAll long shuffle) {
        Assume.that(!seed.equals(other));
        List<UUID> population = population(n, shuffle);
        // the full ranking: two seeds order 20 or more applications the same way with probability below 1/20!
        List<UUID> a = SampleDraw.sample(SampleDraw.drawSeed(seed, salt), population, n);
        List<UUID> b = SampleDraw.sample(SampleDraw.drawSeed(other, salt), population, n);
        assertNotEquals(a, b);
        assertNotEquals(SampleDraw.drawSeed(seed, salt), SampleDraw.drawSeed(other, salt));
    }

    @Property(tries = 300)
    void R19_inspectorsAreDistinctEligibleAndIndependentOfOrder(@ForAll("seeds") String drawSeed,
            @ForAll @IntRange(min = 1, max = 30) int candidates, @ForAll @IntRange(min = 1, max = 5) int count,
            @ForAll long shuffle) {
        List<UUID> eligible = population(candidates, shuffle);
        UUID application = new UUID(shuffle, ~shuffle);
        List<UUID> drawn = SampleDraw.inspectors(drawSeed, application, eligible, count);
        List<UUID> shuffled = new ArrayList<>(eligible);
        Collections.shuffle(shuffled, new Random(shuffle));
        assertEquals(drawn, SampleDraw.inspectors(drawSeed, application, shuffled, count));
        assertEquals(Math.min(count, candidates), drawn.size());
        assertEquals(drawn.size(), new HashSet<>(drawn).size());
        assertTrue(eligible.containsAll(drawn));
    }

    @Property(tries = 200)
    void R19_theSampleIsAPrefixOfTheRanking(@ForAll("seeds") String drawSeed,
            @ForAll @IntRange(min = 1, max = 200) int n, @ForAll long shuffle) {
        List<UUID> population = population(n, shuffle);
        List<UUID> all = SampleDraw.sample(drawSeed, population, n);
        for (int k : List.of(1, n / 2, n)) {
            assertEquals(all.subList(0, k), SampleDraw.sample(drawSeed, population, k));
        }
        for (int i = 1; i < all.size(); i++) {
            assertTrue(SampleDraw.sampleRank(drawSeed, all.get(i - 1))
                    .compareTo(SampleDraw.sampleRank(drawSeed, all.get(i))) <= 0, "smallest hex rank first");
        }
    }

    @Test
    void R19_aHundredThousandApplicationsAreDrawnQuickly() {
        List<UUID> population = population(100_000, 7);
        String drawSeed = SampleDraw.drawSeed(SEED, SALT);
        long started = System.nanoTime();
        List<UUID> sample = SampleDraw.sample(drawSeed, population, 15_000);
        String hash = SampleDraw.populationHash(population);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(15_000, sample.size());
        assertEquals(64, hash.length());
        // a generous bound against accidental quadratic work; the real figures are benchmark P3's
        assertTrue(millis < 10_000, "took " + millis + " ms");
    }

    private static List<UUID> population(int n, long seed) {
        Random random = new Random(seed);
        List<UUID> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        return ids;
    }

    private static List<UUID> ids(String... ids) {
        return java.util.Arrays.stream(ids).map(UUID::fromString).toList();
    }
}
