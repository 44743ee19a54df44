package cn.zhicheng.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake behind the clock port: it tells the time last set, moving on with the system clock from there, or the
 * system time until one is set. Only tests and the browser tests' server use it (zhicheng.clock.settable).
 */
public class SettableClock extends Clock {

    /** The offset from the system time; zero means the system time. */
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** The settable clock behind the clock port; fails clearly where the configuration did not ask for one. */
    public static SettableClock of(Clock clock) {
        if (clock instanceof SettableClock settable) {
            return settable;
        }
        throw new IllegalStateException("The clock is not settable; set zhicheng.clock.settable=true");
    }

    public void set(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    /** Back to the system time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
