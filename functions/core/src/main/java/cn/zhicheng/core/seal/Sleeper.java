package cn.zhicheng.core.seal;

import java.time.Duration;

/** Port: the time the KMS signer paces its calls and backs off by; tests put a fake behind it so waits cost nothing. */
public interface Sleeper {

    /** The system's monotonic clock and {@link Thread#sleep}. */
    Sleeper SYSTEM = new Sleeper() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(Duration.ofNanos(nanos));
        }
    };

    /** A monotonic reading in nanoseconds, comparable only with other readings of the same sleeper. */
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;
}
