package cn.zhicheng.submit;

import static org.junit.jupiter.api.Assertions.fail;

import cn.zhicheng.core.audit.AuditHead;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes a race certain instead of leaving it to timing: holds the audit chain's head lock, starts the calls, and
 * releases them only once every one of them waits at that lock, i.e. each has read and checked the record and
 * is about to write. Each call's outcome is its result or the exception it threw.
 */
final class AuditLockRace {

    private static final long PATIENCE_MILLIS = 30_000;

    private AuditLockRace() {
    }

    static List<Object> run(int n, Callable<?> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n + 1);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<?> holder = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                AuditHead.findById(1, LockModeType.PESSIMISTIC_WRITE);
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            locked.await();
            List<Future<Object>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(pool.submit(() -> {
                    try {
                        return call.call();
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
            while (waitingForLocks() < n) {
                if (System.currentTimeMillis() > deadline) {
                    release.countDown();
                    fail("the calls never all reached the audit lock");
                }
                Thread.sleep(20);
            }
            release.countDown();
            holder.get();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : calls) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** Sessions of this database waiting for a lock (the test database is this test run's alone). */
    private static long waitingForLocks() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from pg_stat_activity where datname = current_database() "
                        + "and wait_event_type = 'Lock'")
                .getSingleResult()).longValue());
    }
}
