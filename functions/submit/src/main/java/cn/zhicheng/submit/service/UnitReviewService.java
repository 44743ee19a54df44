package cn.zhicheng.submit.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationAccess;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.application.VerificationRoute;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.submit.rest.ApplicationRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The employer unit's first review and recommendation (R4–R7); the audit trail records who did each (R6). */
@ApplicationScoped
@Transactional
public class UnitReviewService {

    private final ApplicationStateMachine stateMachine;
    private final ApplicationAccess access;
    private final Clock clock;

    public UnitReviewService(ApplicationStateMachine stateMachine, ApplicationAccess access, Clock clock) {
        this.stateMachine = stateMachine;
        this.access = access;
        this.clock = clock;
    }

    public List<Application> list(Actor actor) {
        return Application.listByUnit(actor.unitId());
    }

    /** R6: first review passed; the unit publicity starts (its period comes with the workflow). */
    public Application review(Actor actor, UUID id, ApplicationRequests.Step request) {
        Application application = access.requireCurrent(id, actor, request.version());
        stateMachine.apply(application, ApplicationTransition.UNIT_REVIEW, actor, request.comment());
        return application;
    }

    public Application returnToApplicant(Actor actor, UUID id, ApplicationRequests.Reasoned request) {
        Application application = access.requireCurrent(id, actor, request.version());
        stateMachine.apply(application, ApplicationTransition.RETURN, actor, request.reason().trim());
        // R5: a changed application needs a fresh pledge
        application.pledgeSignedAt = null;
        return application;
    }

    public Application recommend(Actor actor, UUID id, ApplicationRequests.Recommend request) {
        Application application = access.requireCurrent(id, actor, request.version());
        if (!Boolean.TRUE.equals(request.unitPledgeAccepted())) {
            throw Problem.rule("R5", 422, "UNIT_PLEDGE_REQUIRED", "Unit pledge required",
                    "The unit must sign its integrity pledge to recommend.");
        }
        // R4: the unit verifies the numbers and the system records the route of each
        if (request.diplomaVerification() == null
                || request.diplomaVerification() == VerificationRoute.DEGREE_DATABASE) {
            throw Problem.rule("R4", 422, "DIPLOMA_NOT_VERIFIED", "Diploma not verified",
                    "Record how the diploma number was verified: DIPLOMA_DATABASE or ARCHIVE_REVIEW.");
        }
        if (application.degreeNumber != null && (request.degreeVerification() == null
                || request.degreeVerification() == VerificationRoute.DIPLOMA_DATABASE)) {
            throw Problem.rule("R4", 422, "DEGREE_NOT_VERIFIED", "Degree not verified",
                    "Record how the degree number was verified: DEGREE_DATABASE or ARCHIVE_REVIEW.");
        }
        stateMachine.apply(application, ApplicationTransition.RECOMMEND, actor, request.comment());
        application.diplomaVerification = request.diplomaVerification();
        application.degreeVerification = application.degreeNumber == null ? null : request.degreeVerification();
        application.unitPledgeSignedAt = clock.instant();
        application.unitPledgeBy = actor.accountId();
        return application;
    }

}
