package cn.zhicheng.core.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {

    static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** The most permits any window [t, t + 1 s) holds, over sorted grant times. */
    static int busiestSecond(List<Long> sortedGrants) {
        int most = 0;
        int start = 0;
        for (int end = 0; end < sortedGrants.size(); end++) {
            while (sortedGrants.get(end) - sortedGrants.get(start) >= SECOND) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }

    @Test
    void threadsArrivingTogetherNeverGetMoreThanTheRateInAnySlidingSecond() throws Exception {
        int rate = 50;
        FakeSleeper sleeper = FakeSleeper.advancing();
        RequestRateLimiter limiter = new RequestRateLimiter(rate, 60 * SECOND, sleeper);

        List<Long> grants = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> callers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                callers.add(() -> {
                    for (int i = 0; i < 40; i++) {
                        grants.add(limiter.acquire());
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(callers)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> sorted = new ArrayList<>(grants);
        Collections.sort(sorted);
        assertEquals(320, sorted.size());
        assertEquals(rate, busiestSecond(sorted), "no sliding second holds more than the rate, and the rate is used");
        for (int i = rate; i < sorted.size(); i++) {
            assertTrue(sorted.get(i) - sorted.get(i - rate) >= SECOND, "permit " + i + " came too early");
        }
    }

    @Test
    void aCallerAfterAQuietSpellIsServedAtOnce() throws Exception {
        FakeSleeper sleeper = FakeSleeper.advancing();
        RequestRateLimiter limiter = new RequestRateLimiter(10, SECOND, sleeper);

        long first = limiter.acquire();
        sleeper.sleepNanos(5 * SECOND);
        long later = limiter.acquire();

        assertEquals(first + 5 * SECOND, later);
        assertEquals(List.of(5 * SECOND), sleeper.sleeps(), "the second caller did not wait");
    }

    @Test
    void aQueueLongerThanTheMaximumWaitIsRefusedWithoutTakingASlot() throws Exception {
        FakeSleeper sleeper = FakeSleeper.frozen();
        RequestRateLimiter limiter = new RequestRateLimiter(10, SECOND, sleeper);

        for (int i = 0; i <= 10; i++) {
            limiter.acquire();
        }
        RequestRateLimiter.QueueFull full = assertThrows(RequestRateLimiter.QueueFull.class, limiter::acquire);

        assertEquals(1_100_000_000L, full.waitNanos());
        assertThrows(RequestRateLimiter.QueueFull.class, limiter::acquire, "the refused caller reserved nothing");
        assertEquals(1_100_000_000L, assertThrows(RequestRateLimiter.QueueFull.class, limiter::acquire).waitNanos());
    }

    @Test
    void aRateBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new RequestRateLimiter(0, SECOND, Sleeper.SYSTEM));
    }
}
