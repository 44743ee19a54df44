package cn.zhicheng.core.seal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A fake behind the sleeper port: virtual time that a sleep moves forward at once, and a record of every sleep. */
final class FakeSleeper implements Sleeper {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> sleeps = new CopyOnWriteArrayList<>();
    private final boolean frozen;

    private FakeSleeper(boolean frozen) {
        this.frozen = frozen;
    }

    /** Time moves only by sleeping: a sleep of d ends exactly d after it began. */
    static FakeSleeper advancing() {
        return new FakeSleeper(false);
    }

    /** Time stands still, as when many callers arrive in the same instant and none has slept yet. */
    static FakeSleeper frozen() {
        return new FakeSleeper(true);
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleepNanos(long nanos) {
        sleeps.add(nanos);
        if (!frozen) {
            // threads that sleep at once wake in the order of their deadlines; the clock never runs backwards
            long wake = now.get() + nanos;
            now.accumulateAndGet(wake, Math::max);
        }
    }

    List<Long> sleeps() {
        return List.copyOf(sleeps);
    }
}
