package cn.zhicheng.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.jobs.JobRunner;
import cn.zhicheng.core.jobs.MarkOverdueJob;
import cn.zhicheng.core.testing.BenchDatabase;
import cn.zhicheng.core.time.SettableClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark P4 (issue 3): the mark-overdue sweep over 1,000,000 deadlines on PostgreSQL, in batches, against a
 * baseline measured in the same run: one unbatched UPDATE of the same rows, which holds every row lock until it
 * ends. Not part of the test suite; run it with {@code bash infra/bench.sh p4}.
 */
@QuarkusTest
@TestProfile(MarkOverdueSweepBench.BenchProfile.class)
@EnabledIfSystemProperty(named = "zc.bench", matches = "true")
class MarkOverdueSweepBench {

    private static final int ROWS = Integer.getInteger("zc.bench.rows", 1_000_000);
    private static final int BATCH = 1000;
    private static final double TARGET_SECONDS = 30;

    /** Production-sized batches instead of the tiny ones the job tests use. */
    public static class BenchProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhicheng.jobs.batch-size", Integer.toString(BATCH), "quarkus.log.category.\"org.hibernate\".level", "WARN");
        }
    }

    @Inject
    JobRunner jobs;

    @Inject
    AgroalDataSource dataSource;

    SettableClock clock;

    @Inject
    void clock(Clock clock) {
        this.clock = SettableClock.of(clock);
    }

    @Test
    void P4_markOverdueSweepsAMillionDeadlines() throws IOException {
        // every due date falls in 2026-02..2026-11, so on 2026-12-01 all of them are overdue: the worst case
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        seed();
        double baseline = seconds(() -> database().execute("update deadline set state = 'OVERDUE', updated_at = now() "
                + "where state = 'OPEN' and due_date < date '2026-12-01'"));
        database().execute("update deadline set state = 'OPEN'");
        database().execute("vacuum analyze deadline");

        long started = System.nanoTime();
        JobRunner.Outcome outcome = jobs.run(MarkOverdueJob.NAME);
        double sweep = (System.nanoTime() - started) / 1e9;

        assertTrue(outcome.succeeded(), "the sweep failed: " + outcome.run().error);
        assertEquals(ROWS, outcome.run().changed, "every open deadline became overdue");
        long batches = (ROWS + BATCH - 1) / BATCH;
        String report = String.format("P4 mark-overdue sweep: %,d deadlines in %,d batches of %,d%n"
                        + "  batched sweep (the job)      %6.2f s  (%.2f ms per batch on average)%n"
                        + "  baseline: one UPDATE          %6.2f s%n"
                        + "  ratio sweep / baseline        %6.2f%n"
                        + "  target                        <= %.0f s: %s%n",
                ROWS, batches, BATCH, sweep, sweep * 1000 / batches, baseline, sweep / baseline, TARGET_SECONDS,
                sweep <= TARGET_SECONDS ? "met" : "MISSED");
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-p4.txt"), report);
        assertTrue(sweep <= TARGET_SECONDS, report);
    }

    private void seed() {
        database().execute("delete from notification");
        database().execute("delete from job_run");
        database().execute("delete from deadline");
        database().execute("insert into deadline (id, kind, rule_id, subject_type, subject_id, start_date, day_count, day_type, "
                + "due_date, state, provisional, owner_role, created_at, updated_at) "
                + "select gen_random_uuid(), 'FILING', 'R16', 'APPLICATION', gen_random_uuid(), date '2026-01-05', 20, "
                + "'WORKING', date '2026-02-02' + (g % 300), 'OPEN', false, 'HR_BUREAU', now(), now() "
                + "from generate_series(1, " + ROWS + ") g");
        database().execute("vacuum analyze deadline");
    }

    private static double seconds(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private BenchDatabase database() {
        return new BenchDatabase(dataSource);
    }
}
