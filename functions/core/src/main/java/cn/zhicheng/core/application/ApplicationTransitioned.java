package cn.zhicheng.core.application;

import cn.zhicheng.core.identity.Actor;
import java.time.Instant;

/**
 * Fired synchronously by {@link ApplicationStateMachine#apply} after a step, inside its transaction, so what hangs
 * on a step (deadlines) commits or rolls back with it.
 */
public record ApplicationTransitioned(Application application, ApplicationTransition transition, Actor actor,
        Instant at) {
}
