package cn.zhicheng.spotcheck.draw;

import static cn.zhicheng.spotcheck.draw.DrawTestSupport.OTHER_UNITS;
import static cn.zhicheng.spotcheck.draw.DrawTestSupport.audits;
import static cn.zhicheng.spotcheck.draw.DrawTestSupport.committed;
import static cn.zhicheng.spotcheck.draw.DrawTestSupport.seed;
import static cn.zhicheng.spotcheck.draw.DrawTestSupport.setting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.spotcheck.SampleDraw;
import cn.zhicheng.core.spotcheck.SampledApplication;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.spotcheck.SpotCheckState;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.TestCommittees;
import cn.zhicheng.spotcheck.draw.DrawTestSupport.Setting;
import cn.zhicheng.spotcheck.draw.rest.SpotCheckRequests;
import cn.zhicheng.spotcheck.draw.service.CommitmentService;
import cn.zhicheng.spotcheck.draw.service.DrawService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R19 under concurrency, on the services from several threads (the Lambda mock event server of the tests serves
 * one request at a time): of two reveals of one draw and of two commitments for one round and series, one wins
 * and the other is a 409.
 */
@QuarkusTest
class SpotCheckConcurrencyTest {

    @Inject
    DrawService draws;

    @Inject
    CommitmentService commitments;

    @BeforeEach
    void realTime() {
        TestCommittees.clock().reset();
    }

    @Test
    void R19_twoDrawsOfOneDrawAtOnceDrawOnce() throws Exception {
        Setting s = setting(7, OTHER_UNITS);
        String seed = seed();
        UUID id = committed(s, seed);
        Actor office = DemoUsers.actor(s.office());
        List<Object> outcomes = race(() -> draws.draw(office, id, seed, null).id);
        assertEquals(1, outcomes.stream().filter(UUID.class::isInstance).count(), outcomes.toString());
        Problem refused = (Problem) outcomes.stream().filter(Problem.class::isInstance).findFirst().orElseThrow();
        assertEquals(409, refused.status());
        assertEquals("ALREADY_DRAWN", refused.code());
        assertEquals(1, audits("SPOT_CHECK_DRAW", id));
        assertEquals(3, QuarkusTransaction.requiringNew().call(() -> SampledApplication.listByDraw(id).size()));
        assertEquals(SpotCheckState.DRAWN, QuarkusTransaction.requiringNew().call(
                () -> SpotCheck.<SpotCheck>findById(id).state));
    }

    @Test
    void R19_twoCommitmentsForOneRoundAndSeriesAtOnceCommitOnce() throws Exception {
        Setting s = setting(3, OTHER_UNITS);
        Actor office = DemoUsers.actor(s.office());
        String hash = SampleDraw.populationHash(s.round().applications());
        List<Object> outcomes = race(() -> commitments.commit(office, new SpotCheckRequests.Commit(s.round().id(),
                s.seriesId(), new BigDecimal("0.15"), null, SampleDraw.commitment(seed()), hash, null, null)));
        assertEquals(1, outcomes.stream().filter(UUID.class::isInstance).count(), outcomes.toString());
        Problem refused = (Problem) outcomes.stream().filter(Problem.class::isInstance).findFirst().orElseThrow();
        assertEquals(409, refused.status());
        assertEquals("OPEN_DRAW_EXISTS", refused.code());
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(
                () -> SpotCheck.count("roundId", s.round().id())));
    }

    /** Runs the step twice at the same moment; each outcome is the step's result or the Problem it threw. */
    private static List<Object> race(Callable<UUID> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return step.call();
                    } catch (Problem e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }
}
