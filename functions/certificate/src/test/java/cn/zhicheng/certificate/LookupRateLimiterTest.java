package cn.zhicheng.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.zhicheng.certificate.config.CertificateConfig;
import cn.zhicheng.certificate.service.LookupRateLimiter;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.time.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lookup's token bucket per client: a burst, then one lookup per refill interval. */
class LookupRateLimiterTest {

    private final SettableClock clock = new SettableClock();
    private final LookupRateLimiter limiter = new LookupRateLimiter(config(3, 6), clock);

    @Test
    void aClientGetsItsBurstThenWaitsForTheNextToken() {
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        for (int i = 0; i < 3; i++) {
            limiter.take("2001:db8::1");
        }
        Problem refused = assertThrows(Problem.class, () -> limiter.take("2001:db8::1"));
        assertEquals(429, refused.status());
        assertEquals("RATE_LIMITED", refused.code());
        // six a minute: the next token is at most ten seconds away
        long wait = ((Number) refused.extensions().get("retryAfterSeconds")).longValue();
        assertEquals(true, wait >= 1 && wait <= 10, "waits " + wait + " s");
        limiter.take("2001:db8::2");

        clock.set(Instant.parse("2026-11-23T02:00:00Z").plus(Duration.ofSeconds(11)));
        limiter.take("2001:db8::1");
        assertThrows(Problem.class, () -> limiter.take("2001:db8::1"));
    }

    private static CertificateConfig config(int burst, int perMinute) {
        return () -> new CertificateConfig.Lookup() {
            @Override
            public int burst() {
                return burst;
            }

            @Override
            public int perMinute() {
                return perMinute;
            }
        };
    }
}
