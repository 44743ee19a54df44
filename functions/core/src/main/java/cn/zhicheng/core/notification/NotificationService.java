package cn.zhicheng.core.notification;

import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The signed-in person's notifications: those addressed to their account and those addressed to their role's
 * scope (their unit, or their committee). A scope's notification is read once for the whole scope.
 */
@ApplicationScoped
@Transactional
public class NotificationService {

    /** Addressed to the account, or to the role within the actor's unit (or committee, for a committee office). */
    private static final String SCOPE = "recipientAccountId = ?1 or (recipientRole = ?2 and ("
            + "(recipientRole <> ?5 and recipientUnitId = ?3) or (recipientRole = ?5 and recipientCommitteeId = ?4)))";

    private final Clock clock;

    public NotificationService(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Notification> listFor(Actor actor) {
        return Notification.list("(" + SCOPE + ") order by createdAt desc, id", actor.accountId(), actor.role(),
                actor.unitId(), actor.committeeId(), Role.COMMITTEE_OFFICE);
    }

    public Notification markRead(Actor actor, UUID id) {
        Notification notification = Notification.find("id = ?6 and (" + SCOPE + ")", actor.accountId(), actor.role(),
                actor.unitId(), actor.committeeId(), Role.COMMITTEE_OFFICE, id).firstResult();
        if (notification == null) {
            throw Problem.notFound("NOTIFICATION_NOT_FOUND", "No notification " + id + " is addressed to you.");
        }
        if (notification.readAt == null) {
            notification.readAt = clock.instant();
        }
        return notification;
    }
}
