package cn.zhicheng.core.seal;

import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.problem.ProblemMapper;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Keeps a signer's Sign calls under a request rate (KMS's per-second quota is shared by the account and region)
 * and retries throttled calls with exponential backoff and full jitter; when throttling outlasts the attempts,
 * the request is refused with {@code 503 SIGNER_THROTTLED} and a {@code Retry-After}, and nothing is issued.
 */
public class RateLimitedSealSigner implements SealSigner {

    private static final Logger LOG = Logger.getLogger(RateLimitedSealSigner.class);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final SealSigner delegate;
    private final RequestRateLimiter limiter;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final LongAdder signatures = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder backoffNanos = new LongAdder();
    private final LongAdder queuedNanos = new LongAdder();

    /**
     * How throttled calls are retried: attempt n (from 1) that is throttled waits a random time in
     * [0, min(cap, base * 2^(n-1))) before the next; the last attempt's throttling is the caller's refusal.
     */
    public record Backoff(int maxAttempts, Duration base, Duration cap) {

        public Backoff {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("at least one attempt, not " + maxAttempts);
            }
        }

        /** The upper bound of the wait after the given throttled attempt (1 = the first call). */
        public long ceilingNanos(int attempt) {
            long ceiling = base.toNanos() << Math.min(attempt - 1, 30);
            return ceiling <= 0 ? cap.toNanos() : Math.min(cap.toNanos(), ceiling);
        }
    }

    /** What the signer has done since it was built, for the benchmark and for logs. */
    public record Stats(long signatures, long throttledResponses, long backoffNanos, long queuedNanos) {
    }

    public RateLimitedSealSigner(SealSigner delegate, RequestRateLimiter limiter, Backoff backoff, Sleeper sleeper,
            RandomGenerator random) {
        this.delegate = delegate;
        this.limiter = limiter;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** With the system's time and randomness. */
    public RateLimitedSealSigner(SealSigner delegate, int maxRequestsPerSecond, Duration maxWait, Backoff backoff) {
        this(delegate, new RequestRateLimiter(maxRequestsPerSecond, maxWait.toNanos(), Sleeper.SYSTEM), backoff,
                Sleeper.SYSTEM, ThreadLocalRandom.current());
    }

    @Override
    public byte[] sign(String keyRef, byte[] message) {
        try {
            for (int attempt = 1; ; attempt++) {
                long asked = sleeper.nanoTime();
                try {
                    limiter.acquire();
                } catch (RequestRateLimiter.QueueFull e) {
                    throw throttled(e.waitNanos(), "more certificates are being signed than the signing service's "
                            + "rate allows");
                }
                queuedNanos.add(sleeper.nanoTime() - asked);
                try {
                    byte[] signature = delegate.sign(keyRef, message);
                    signatures.increment();
                    return signature;
                } catch (AwsServiceException e) {
                    if (!e.isThrottlingException()) {
                        throw e;
                    }
                    throttled.increment();
                    if (attempt >= backoff.maxAttempts()) {
                        LOG.warnf("KMS throttled Sign %d times in a row; refusing this signature", attempt);
                        throw throttled(backoff.cap().toNanos(), "the signing service is throttling requests");
                    }
                    long wait = (long) (random.nextDouble() * backoff.ceilingNanos(attempt));
                    LOG.debugf("KMS throttled Sign (attempt %s, %s); retrying in %s ms", (Object) attempt,
                            e.awsErrorDetails() == null ? e.statusCode() : e.awsErrorDetails().errorCode(),
                            TimeUnit.NANOSECONDS.toMillis(wait));
                    backoffNanos.add(wait);
                    sleeper.sleepNanos(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to sign with " + keyRef, e);
        }
    }

    @Override
    public SealKey createKey(String label) {
        return delegate.createKey(label);
    }

    @Override
    public PublicKey publicKey(String keyRef) {
        return delegate.publicKey(keyRef);
    }

    public int maxRequestsPerSecond() {
        return limiter.permitsPerSecond();
    }

    public Stats stats() {
        return new Stats(signatures.sum(), throttled.sum(), backoffNanos.sum(), queuedNanos.sum());
    }

    private static Problem throttled(long retryAfterNanos, String why) {
        long seconds = Math.max(1, (retryAfterNanos + SECOND - 1) / SECOND);
        return Problem.of(503, "SIGNER_THROTTLED", "Signing is busy", "The certificate could not be signed now: "
                + why + ". Nothing was issued; try again in " + seconds + " s.")
                .with(ProblemMapper.RETRY_AFTER_SECONDS, seconds);
    }
}
