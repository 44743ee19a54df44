package cn.zhicheng.core.application;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** The one place an application changes state: checks the transition table, then audits the change. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@Unremovable // functions without a step of their own (deadlines) still run jobs and fixtures through it
public class ApplicationStateMachine {

    public static final String SUBJECT = "APPLICATION";

    private final AuditTrail audit;
    private final Clock clock;
    private final Event<ApplicationTransitioned> transitioned;
    private final Event<ApplicationsTransitioned> transitionedAll;
    private final EntityManager entityManager;

    public ApplicationStateMachine(AuditTrail audit, Clock clock, Event<ApplicationTransitioned> transitioned,
            Event<ApplicationsTransitioned> transitionedAll, EntityManager entityManager) {
        this.audit = audit;
        this.clock = clock;
        this.transitioned = transitioned;
        this.transitionedAll = transitionedAll;
        this.entityManager = entityManager;
    }

    /** An application as a batch step reads it, without loading the entity: which one, its state and version. */
    public record Current(UUID id, ApplicationState state, long version) {
    }

    /**
     * Moves the application along a transition. An application in a state the transition does not leave from is
     * a 409 ILLEGAL_TRANSITION; a caller whose role may not make it is a 403. Observers of the step (the deadline
     * hooks) run synchronously in the same transaction, so a step and its deadlines commit together.
     */
    public void apply(Application application, ApplicationTransition transition, Actor actor, String note) {
        ApplicationState before = application.state;
        check(application.id, before, transition, actor);
        application.state = transition.to();
        application.updatedAt = clock.instant();
        audit.record(actor, change(application.id, before, transition, note));
        transitioned.fire(new ApplicationTransitioned(application, transition, actor, application.updatedAt));
    }

    /**
     * The same step for many applications at once (a round's certificates), by the same rules as {@link #apply}:
     * every application is checked before anything is written, so one refused application refuses them all and
     * nothing changes. The rows are updated in bulk, each only if its version is still the one read (and moved
     * on by one, as the entity's own update does); a row changed meanwhile fails the step with STALE_VERSION.
     * Observers get one {@link ApplicationsTransitioned}. Managed copies of these applications are not refreshed:
     * callers read them as {@link Current}, not as entities.
     */
    public void applyAll(List<Current> applications, ApplicationTransition transition, Actor actor, String note) {
        if (applications.isEmpty()) {
            return;
        }
        for (Current application : applications) {
            check(application.id(), application.state(), transition, actor);
        }
        Instant at = clock.instant();
        if (update(applications, transition, at) != applications.size()) {
            throw new OptimisticLockException("An application of the step " + transition
                    + " was changed by someone else since it was read.");
        }
        audit.recordAll(actor, applications.stream()
                .map(application -> change(application.id(), application.state(), transition, note)).toList());
        transitionedAll.fire(new ApplicationsTransitioned(applications.stream().map(Current::id).toList(), transition,
                actor, at));
    }

    /** The one rule of what may follow what, and who may make the step. */
    private static void check(UUID id, ApplicationState before, ApplicationTransition transition, Actor actor) {
        if (!transition.leavesFrom(before)) {
            throw Problem.conflict("ILLEGAL_TRANSITION", "Not possible in this state",
                    "An application that is " + before + " cannot take the step " + transition + ".")
                    .with("applicationId", id);
        }
        if (actor.role() != null && actor.role() != transition.role()) {
            throw Problem.of(403, "FORBIDDEN", "Forbidden",
                    "The step " + transition + " is for " + transition.role() + ", not " + actor.role() + ".");
        }
    }

    private static AuditTrail.Change change(UUID id, ApplicationState before, ApplicationTransition transition,
            String note) {
        return new AuditTrail.Change(transition.name(), SUBJECT, id, before.name(), transition.to().name(), note);
    }

    /**
     * One UPDATE for them all: each row by the id, state and version read (passed as arrays, so any number fits in
     * one statement), so a row moved since is left alone. Pending changes of the session go first.
     */
    private int update(List<Current> applications, ApplicationTransition transition, Instant at) {
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        return session.doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update application set state = ?, "
                    + "updated_at = ?, version = version + 1 where (id, state, version) in (select * from unnest("
                    + "cast(? as uuid array), cast(? as varchar array), cast(? as bigint array)))")) {
                update.setString(1, transition.to().name());
                update.setObject(2, at.atOffset(ZoneOffset.UTC));
                update.setArray(3, connection.createArrayOf("uuid",
                        applications.stream().map(Current::id).toArray()));
                update.setArray(4, connection.createArrayOf("varchar",
                        applications.stream().map(application -> application.state().name()).toArray()));
                update.setArray(5, connection.createArrayOf("bigint",
                        applications.stream().map(Current::version).toArray()));
                return update.executeUpdate();
            }
        });
    }

    /** The client's copy must be current: a stale version means someone else changed it first. */
    public static void requireVersion(Application application, Long expected) {
        Problem.requireVersion("application", expected, application.version);
    }

    /** The transitions a role could take from the application's current state. */
    public static List<ApplicationTransition> available(ApplicationState state, cn.zhicheng.core.identity.Role role) {
        return Arrays.stream(ApplicationTransition.values())
                .filter(t -> t.leavesFrom(state) && t.role() == role)
                .toList();
    }
}
