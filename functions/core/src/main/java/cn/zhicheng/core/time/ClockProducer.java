package cn.zhicheng.core.time;

import cn.zhicheng.core.config.ZhichengConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The system clock in UTC, or, where configured for tests, a {@link SettableClock}. */
@ApplicationScoped
public class ClockProducer {

    /** Every date rule is read in China's time zone; instants are stored in UTC. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A singleton, not a proxy, so tests can reach the settable clock behind the port. */
    @Produces
    @Singleton
    Clock clock(ZhichengConfig config) {
        if (!config.clock().settable()) {
            return Clock.systemUTC();
        }
        SettableClock clock = new SettableClock();
        config.clock().start().ifPresent(clock::set);
        return clock;
    }
}
