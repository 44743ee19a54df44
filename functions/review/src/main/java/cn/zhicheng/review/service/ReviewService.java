package cn.zhicheng.review.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationAccess;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.review.rest.ReviewRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** HR vetting (R8), committee acceptance and decision, result notice and approval filing. */
@ApplicationScoped
@Transactional
public class ReviewService {

    /** What an HR bureau follows: from recommendation on. */
    private static final List<ApplicationState> HR_STATES = List.copyOf(EnumSet.range(ApplicationState.RECOMMENDED,
            ApplicationState.CERTIFIED));
    /** What a committee office follows: from vetting on. */
    private static final List<ApplicationState> OFFICE_STATES = List.copyOf(EnumSet.range(ApplicationState.VETTED,
            ApplicationState.CERTIFIED));

    private final ApplicationStateMachine stateMachine;
    private final ApplicationAccess access;

    public ReviewService(ApplicationStateMachine stateMachine, ApplicationAccess access) {
        this.stateMachine = stateMachine;
        this.access = access;
    }

    public List<Application> workList(Actor actor) {
        if (actor.is(Role.HR_BUREAU)) {
            List<UUID> committees = Committee.<Committee>list("hrBureauId", actor.unitId()).stream()
                    .map(c -> c.id).toList();
            return Application.listByCommitteesInStates(committees, HR_STATES);
        }
        return actor.committeeId() == null ? List.of()
                : Application.listByCommitteesInStates(List.of(actor.committeeId()), OFFICE_STATES);
    }

    /** R8: the HR bureau of the application's committee vets what the unit recommended. */
    public Application vet(Actor actor, UUID id, ReviewRequests.Step request) {
        Application application = access.requireCurrent(id, actor, request.version());
        stateMachine.apply(application, ApplicationTransition.VET, actor, request.comment());
        return application;
    }

    /**
     * R8: the office accepts only vetted applications (the state machine refuses anything else) within its
     * committee's series and levels.
     */
    public Application accept(Actor actor, UUID id, ReviewRequests.Step request) {
        Application application = access.requireCurrent(id, actor, request.version());
        Committee committee = Committee.findById(application.committeeId);
        if (!committee.seriesId.equals(application.seriesId) || !committee.levels.contains(application.level)) {
            throw Problem.rule("R8", 422, "OUT_OF_SCOPE", "Outside the committee's scope",
                    "This committee does not review this series or level.");
        }
        stateMachine.apply(application, ApplicationTransition.ACCEPT, actor, request.comment());
        return application;
    }

    public Application get(Actor actor, UUID id) {
        return access.require(id, actor);
    }

    public Application decide(Actor actor, UUID id, ReviewRequests.Decision request) {
        Application application = access.requireCurrent(id, actor, request.version());
        if (application.state() == ApplicationState.ACCEPTED) {
            stateMachine.apply(application, ApplicationTransition.START_REVIEW, actor, null);
        }
        ApplicationTransition outcome = request.outcome() == ReviewRequests.Outcome.PASS
                ? ApplicationTransition.PASS : ApplicationTransition.FAIL;
        stateMachine.apply(application, outcome, actor, request.note());
        application.decisionNote = request.note();
        return application;
    }

    public Application publish(Actor actor, UUID id, ReviewRequests.Step request) {
        Application application = access.requireCurrent(id, actor, request.version());
        stateMachine.apply(application, ApplicationTransition.PUBLISH_RESULT, actor, request.comment());
        return application;
    }

    public Application file(Actor actor, UUID id, ReviewRequests.Step request) {
        Application application = access.requireCurrent(id, actor, request.version());
        stateMachine.apply(application, ApplicationTransition.FILE, actor, request.comment());
        return application;
    }

}
