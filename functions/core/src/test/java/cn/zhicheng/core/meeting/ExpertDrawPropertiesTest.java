package cn.zhicheng.core.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ExpertDrawPropertiesTest {

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    }

    @Provide
    Arbitrary<List<UUID>> pools() {
        return Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong())).list().uniqueElements()
                .ofMinSize(1).ofMaxSize(40);
    }

    /** Recuses each candidate with the given probability, from a seeded generator. */
    private static Map<UUID, String> recusals(List<UUID> pool, long seed, int percent) {
        Random random = new Random(seed);
        Map<UUID, String> recused = new HashMap<>();
        for (UUID id : pool) {
            if (random.nextInt(100) < percent) {
                recused.put(id, "同单位回避");
            }
        }
        return recused;
    }

    @Property(tries = 500)
    void R10_sameInputsGiveTheSameList(@ForAll("seeds") String seed, @ForAll("pools") List<UUID> pool,
            @ForAll long recusalSeed, @ForAll @IntRange(min = 1, max = 15) int count) {
        Map<UUID, String> recused = recusals(pool, recusalSeed, 30);
        ExpertDraw.Result first = ExpertDraw.draw(seed, pool, recused, count);
        ExpertDraw.Result again = ExpertDraw.draw(seed, List.copyOf(pool), Map.copyOf(recused), count);
        assertEquals(first, again);
    }

    @Property(tries = 500)
    void R10_aRecusedExpertIsNeverDrawn(@ForAll("seeds") String seed, @ForAll("pools") List<UUID> pool,
            @ForAll long recusalSeed, @ForAll @IntRange(max = 100) int percent,
            @ForAll @IntRange(min = 1, max = 15) int count) {
        Map<UUID, String> recused = recusals(pool, recusalSeed, percent);
        for (UUID id : ExpertDraw.draw(seed, pool, recused, count).drawn()) {
            assertFalse(recused.containsKey(id), id + " was recused but drawn");
            assertTrue(pool.contains(id), id + " is not a candidate");
        }
    }

    @Property(tries = 500)
    void R10_drawsExactlyTheSmallerOfCountAndEligibleDistinctExperts(@ForAll("seeds") String seed,
            @ForAll("pools") List<UUID> pool, @ForAll long recusalSeed, @ForAll @IntRange(max = 100) int percent,
            @ForAll @IntRange(min = 1, max = 50) int count) {
        Map<UUID, String> recused = recusals(pool, recusalSeed, percent);
        List<UUID> drawn = ExpertDraw.draw(seed, pool, recused, count).drawn();
        int eligible = pool.size() - recused.size();
        assertEquals(Math.min(count, eligible), drawn.size());
        assertEquals(drawn.size(), new HashSet<>(drawn).size());
    }

    @Property(tries = 500)
    void R10_candidateOrderDoesNotMatter(@ForAll("seeds") String seed, @ForAll("pools") List<UUID> pool,
            @ForAll long shuffleSeed, @ForAll long recusalSeed, @ForAll @IntRange(min = 1, max = 15) int count) {
        Map<UUID, String> recused = recusals(pool, recusalSeed, 30);
        List<UUID> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        List<UUID> doubled = new ArrayList<>(shuffled);
        doubled.addAll(pool);
        ExpertDraw.Result original = ExpertDraw.draw(seed, pool, recused, count);
        assertEquals(original, ExpertDraw.draw(seed, shuffled, recused, count));
        assertEquals(original, ExpertDraw.draw(seed, doubled, recused, count));
    }

    @Property(tries = 300)
    void R10_aDifferentSeedGivesADifferentOrder(@ForAll("seeds") String seed, @ForAll("seeds") String other,
            @ForAll("pools") List<UUID> pool) {
        // with 12 or more candidates, two seeds agreeing on the whole order has probability 1/12! < 3e-9
        if (seed.equals(other) || pool.size() < 12) {
            return;
        }
        assertNotEquals(ExpertDraw.draw(seed, pool, Map.of(), pool.size()).drawn(),
                ExpertDraw.draw(other, pool, Map.of(), pool.size()).drawn());
    }

    @Property(tries = 200)
    void R10_theDrawIsNotBiasedTowardsTheCandidateOrder(@ForAll("pools") List<UUID> pool) {
        // over many seeds every candidate of a pool of 8 or more should come first at least once
        if (pool.size() < 8) {
            return;
        }
        List<UUID> some = pool.subList(0, 8);
        Set<UUID> firsts = new HashSet<>();
        Random random = new Random(pool.hashCode());
        for (int i = 0; i < 400; i++) {
            String seed = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            firsts.add(ExpertDraw.draw(seed, some, Map.of(), 1).drawn().getFirst());
        }
        assertEquals(8, firsts.size());
    }
}
