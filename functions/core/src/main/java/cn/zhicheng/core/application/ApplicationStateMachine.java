package cn.zhicheng.core.application;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** The one place an application changes state: checks the transition table, then audits the change. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@Unremovable // functions without a step of their own (deadlines) still run jobs and fixtures through it
public class ApplicationStateMachine {

    public static final String SUBJECT = "APPLICATION";

    private final AuditTrail audit;
    private final Clock clock;
    private final Event<ApplicationTransitioned> transitioned;

    public ApplicationStateMachine(AuditTrail audit, Clock clock, Event<ApplicationTransitioned> transitioned) {
        this.audit = audit;
        this.clock = clock;
        this.transitioned = transitioned;
    }

    /**
     * Moves the application along a transition. An application in a state the transition does not leave from is
     * a 409 ILLEGAL_TRANSITION; a caller whose role may not make it is a 403. Observers of the step (the deadline
     * hooks) run synchronously in the same transaction, so a step and its deadlines commit together.
     */
    public void apply(Application application, ApplicationTransition transition, Actor actor, String note) {
        ApplicationState before = application.state;
        if (!transition.leavesFrom(before)) {
            throw Problem.conflict("ILLEGAL_TRANSITION", "Not possible in this state",
                    "An application that is " + before + " cannot take the step " + transition + ".");
        }
        if (actor.role() != null && actor.role() != transition.role()) {
            throw Problem.of(403, "FORBIDDEN", "Forbidden",
                    "The step " + transition + " is for " + transition.role() + ", not " + actor.role() + ".");
        }
        application.state = transition.to();
        application.updatedAt = clock.instant();
        audit.record(actor, new AuditTrail.Change(transition.name(), SUBJECT, application.id, before.name(),
                transition.to().name(), note));
        transitioned.fire(new ApplicationTransitioned(application, transition, actor, application.updatedAt));
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
