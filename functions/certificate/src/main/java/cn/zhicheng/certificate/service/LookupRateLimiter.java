package cn.zhicheng.certificate.service;

import cn.zhicheng.certificate.config.CertificateConfig;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.problem.ProblemMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address for the public lookup, which confirms a holder's name: it keeps one client
 * from trying names against numbers. Buckets live in this instance only; the WAF limits across instances.
 */
@ApplicationScoped
public class LookupRateLimiter {

    /** Past this many clients, full buckets (clients that stopped asking) are dropped. */
    private static final int MAX_CLIENTS = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double burst;
    private final double perMilli;
    private final Clock clock;

    public LookupRateLimiter(CertificateConfig config, Clock clock) {
        this.burst = config.lookup().burst();
        this.perMilli = config.lookup().perMinute() / 60_000.0;
        this.clock = clock;
    }

    /** Takes one lookup from the client's bucket, or refuses with 429 RATE_LIMITED and how long to wait. */
    public void take(String client) {
        long now = clock.millis();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.values().removeIf(bucket -> bucket.fullAt(now));
        }
        long waitMillis = buckets.computeIfAbsent(client, c -> new Bucket(now)).take(now);
        if (waitMillis > 0) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            throw Problem.of(429, "RATE_LIMITED", "Too many lookups",
                    "Too many certificate lookups from your address; try again in " + seconds + " seconds.")
                    .with(ProblemMapper.RETRY_AFTER_SECONDS, seconds);
        }
    }

    /** Tokens refill continuously up to the burst; one lookup costs one token. */
    private final class Bucket {
        private double tokens = burst;
        private long updatedAt;

        Bucket(long now) {
            this.updatedAt = now;
        }

        /** Zero when a token was taken, else the milliseconds until one is there. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + Math.max(0, now - updatedAt) * perMilli);
            updatedAt = now;
        }
    }
}
