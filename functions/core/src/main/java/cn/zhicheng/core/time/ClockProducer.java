package cn.zhicheng.core.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** The system clock in UTC; tests replace it through the same type when they need a fixed time. */
@ApplicationScoped
public class ClockProducer {

    /** Every date rule is read in China's time zone; instants are stored in UTC. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
