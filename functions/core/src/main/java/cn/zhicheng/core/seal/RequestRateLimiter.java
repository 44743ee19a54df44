package cn.zhicheng.core.seal;

import java.util.concurrent.TimeUnit;

/**
 * A blocking limiter shared by every thread of the process: each caller reserves the next free moment, one
 * interval of 1/rate after the previous one, and waits for it. With no burst allowance, no sliding second ever
 * holds more than {@code rate} permits, which is how KMS counts its request quota.
 */
public final class RequestRateLimiter {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final int permitsPerSecond;
    // rounded up, so that rate + 1 permits always span at least a whole second
    private final long intervalNanos;
    private final long maxWaitNanos;
    private final Sleeper sleeper;
    private final Object lock = new Object();
    private boolean started;
    private long nextFree;

    /**
     * @param maxWaitNanos the longest a caller may queue for a permit; beyond it {@link #acquire} refuses at once
     *     rather than hold a request open for longer than a client will wait
     */
    public RequestRateLimiter(int permitsPerSecond, long maxWaitNanos, Sleeper sleeper) {
        if (permitsPerSecond < 1) {
            throw new IllegalArgumentException("the rate must be at least 1 per second, not " + permitsPerSecond);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.intervalNanos = (SECOND + permitsPerSecond - 1) / permitsPerSecond;
        this.maxWaitNanos = maxWaitNanos;
        this.sleeper = sleeper;
    }

    public int permitsPerSecond() {
        return permitsPerSecond;
    }

    /**
     * Blocks until the caller's permit and returns the moment it was granted for, on the sleeper's clock.
     *
     * @throws QueueFull when the wait would exceed the maximum; nothing is reserved then
     */
    public long acquire() throws InterruptedException {
        long slot;
        synchronized (lock) {
            long now = sleeper.nanoTime();
            slot = started && nextFree - now > 0 ? nextFree : now;
            if (slot - now > maxWaitNanos) {
                throw new QueueFull(slot - now);
            }
            started = true;
            nextFree = slot + intervalNanos;
        }
        long wait = slot - sleeper.nanoTime();
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
        return slot;
    }

    /** More callers are queued than the rate lets through within the maximum wait. */
    public static final class QueueFull extends RuntimeException {

        private final long waitNanos;

        QueueFull(long waitNanos) {
            super("the KMS request queue is " + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms long", null, false,
                    false);
            this.waitNanos = waitNanos;
        }

        public long waitNanos() {
            return waitNanos;
        }
    }
}
