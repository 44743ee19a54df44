package cn.zhicheng.spotcheck.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.spotcheck.SampleDraw;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.testing.BenchDatabase;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.TestCommittees.AcceptedRound;
import cn.zhicheng.core.testing.TestCommittees.TestCommittee;
import cn.zhicheng.core.testing.TestCommittees;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.spotcheck.draw.rest.SpotCheckRequests;
import cn.zhicheng.spotcheck.draw.service.CommitmentService;
import cn.zhicheng.spotcheck.draw.service.DrawService;
import cn.zhicheng.spotcheck.draw.service.Populations;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark P3: a spot-check draw over 100,000 accepted applications, from the reveal to the sample and its
 * inspectors persisted, through the real service on PostgreSQL, against baselines measured in the same run: a
 * plain SELECT of the population (what any draw must read) and the bare {@link SampleDraw} over the same ids in
 * memory. Memory is the bytes the drawing thread allocates, at 25,000, 50,000 and 100,000 applications. Not part
 * of the test suite; run it with {@code bash infra/bench.sh p3}. Each figure is the median of three draws.
 */
@QuarkusTest
@TestProfile(SpotCheckDrawBench.BenchProfile.class)
@EnabledIfSystemProperty(named = "zc.bench", matches = "true")
class SpotCheckDrawBench {

    private static final int ROWS = Integer.getInteger("zc.bench.rows", 100_000);
    private static final double TARGET_SECONDS = 2;
    private static final int REPEATS = 3;
    private static final String[] POOL_UNITS = {"WFDYYY", "WFXY", "WFJZSJY", "WFSLY", "WFDYYY", "WFXY", "WFJZSJY",
        "WFSLY", "WFDYYY", "WFXY", "WFJZSJY", "WFSLY"};

    /** Less logging: Hibernate's statement warnings would be noise in the figures. */
    public static class BenchProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"org.hibernate\".level", "WARN");
        }
    }

    @Inject
    CommitmentService commitments;

    @Inject
    DrawService draws;

    @Inject
    Populations populations;

    @Inject
    AgroalDataSource dataSource;

    /** One measured draw. */
    private record Run(int population, int sample, double drawSeconds, long drawBytes, double selectSeconds,
            double pureSeconds, long pureBytes) {
    }

    @Test
    void P3_aDrawOverAHundredThousandApplications() throws Exception {
        TestCommittees.clock().reset();
        int year = TestCommittees.clock().instant().atZone(ClockProducer.CHINA).getYear();
        run(year, Math.min(5_000, ROWS)); // warm-up: classes loaded and compiled before anything is measured
        List<Run> runs = new ArrayList<>();
        for (int size : new int[] {ROWS / 4, ROWS / 2, ROWS}) {
            runs.add(median(year, size));
        }
        Run full = runs.get(runs.size() - 1);
        Run quarter = runs.get(0);
        StringBuilder report = new StringBuilder(String.format(
                "P3 spot-check draw: reveal -> sample and inspectors persisted, ratio 0.15, 2 inspectors of %d; "
                        + "median of %d%n", POOL_UNITS.length, REPEATS));
        report.append(String.format("  %10s %7s %8s %8s %8s %9s %8s %9s %10s%n", "population", "sample", "draw s",
                "draw MB", "B/appl", "SELECT s", "pure s", "draw/SEL", "draw/pure"));
        for (Run r : runs) {
            report.append(String.format("  %10d %7d %8.3f %8.1f %8d %9.3f %8.3f %9.2f %10.2f%n", r.population(),
                    r.sample(), r.drawSeconds(), r.drawBytes() / 1e6, r.drawBytes() / r.population(),
                    r.selectSeconds(), r.pureSeconds(), r.drawSeconds() / r.selectSeconds(),
                    r.drawSeconds() / r.pureSeconds()));
        }
        double perApplicationGrowth = ((double) full.drawBytes() / full.population())
                / ((double) quarter.drawBytes() / quarter.population());
        report.append(String.format("  allocated bytes per application, %d vs %d: x%.2f (1.00 = linear)%n",
                full.population(), quarter.population(), perApplicationGrowth));
        report.append(String.format("  target                            <= %.0f s at %,d: %s%n", TARGET_SECONDS,
                full.population(), full.drawSeconds() <= TARGET_SECONDS ? "met" : "MISSED"));
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-p3.txt"), report.toString());
        assertTrue(perApplicationGrowth < 1.5, "memory grows faster than the population: " + report);
        assertTrue(full.drawSeconds() <= TARGET_SECONDS, report.toString());
    }

    /**
     * The median of {@value #REPEATS} draws of the same size, each on its own committee: on a shared machine one
     * draw's time swings with the other work on it.
     */
    private Run median(int year, int size) throws IOException {
        List<Run> repeats = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            repeats.add(run(year, size));
        }
        repeats.sort(Comparator.comparingDouble(Run::drawSeconds));
        return repeats.get(REPEATS / 2);
    }

    /** A fresh committee and round with {@code size} accepted applications, committed, then drawn and timed. */
    private Run run(int year, int size) throws IOException {
        TestCommittee committee = TestCommittees.committee(Set.of(TitleLevel.INTERMEDIATE));
        AcceptedRound round = TestCommittees.acceptedInRound(committee, year, 1);
        database().copyApplication(round.applications().get(0), size - 1);
        TestCommittees.pool(committee.id(), year, POOL_UNITS);
        UUID seriesId = seriesOf(round.applications().get(0));
        Actor office = DemoUsers.actor(committee.office());

        double selectSeconds = seconds(() -> QuarkusTransaction.requiringNew()
                .call(() -> populations.current(round.id(), seriesId)).size());
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> populations.current(round.id(), seriesId))
                .stream().map(Populations.Member::applicationId).toList();
        assertEquals(size, ids.size());

        String seed = DrawTestSupport.seed();
        UUID id = commitments.commit(office, new SpotCheckRequests.Commit(round.id(), seriesId,
                new BigDecimal("0.15"), 2, SampleDraw.commitment(seed), SampleDraw.populationHash(ids), null, null));
        String salt = QuarkusTransaction.requiringNew().call(() -> SpotCheck.<SpotCheck>findById(id).serverSalt);
        database().execute("vacuum analyze spot_check_draw");

        long bytesBefore = allocated();
        long started = System.nanoTime();
        SpotCheck drawn = draws.draw(office, id, seed, null);
        double drawSeconds = (System.nanoTime() - started) / 1e9;
        long drawBytes = allocated() - bytesBefore;

        long pureBefore = allocated();
        long pureStarted = System.nanoTime();
        String drawSeed = SampleDraw.drawSeed(seed, salt);
        SampleDraw.populationHash(ids);
        List<UUID> sample = SampleDraw.sample(drawSeed, ids, SampleDraw.sampleSize(size, new BigDecimal("0.15")));
        double pureSeconds = (System.nanoTime() - pureStarted) / 1e9;
        long pureBytes = allocated() - pureBefore;

        assertEquals(sample.size(), (int) drawn.sampleSize);
        assertEquals(sample.size(), database().count("select count(*) from spot_check_sample where draw_id = ?", id));
        assertEquals(sample.size() * 2L, database().count("select count(*) from spot_check_inspector where draw_id = ?", id));
        return new Run(size, sample.size(), drawSeconds, drawBytes, selectSeconds, pureSeconds, pureBytes);
    }

    private UUID seriesOf(UUID application) {
        return QuarkusTransaction.requiringNew().call(() -> Application.<Application>findById(application).seriesId);
    }

    /** Bytes this thread allocated so far (HotSpot's per-thread counter). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static double seconds(Supplier<Integer> work) {
        long started = System.nanoTime();
        work.get();
        return (System.nanoTime() - started) / 1e9;
    }

    private BenchDatabase database() {
        return new BenchDatabase(dataSource);
    }
}
