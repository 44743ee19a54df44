package cn.zhicheng.core.application;

import cn.zhicheng.core.identity.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired synchronously by {@link ApplicationStateMachine#applyAll} after one step of many applications, inside its
 * transaction, like {@link ApplicationTransitioned}; the applications are named, not loaded.
 */
public record ApplicationsTransitioned(List<UUID> applicationIds, ApplicationTransition transition, Actor actor,
        Instant at) {
}
