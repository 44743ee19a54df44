package cn.zhicheng.core.application;

import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Committee;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Who may see an application: its applicant, its employer unit, the HR bureau of its committee and that
 * committee's office. Everyone else is told it does not exist, so ids reveal nothing.
 */
@ApplicationScoped
public class ApplicationAccess {

    public boolean canSee(Application application, Actor actor) {
        if (actor.role() == null) {
            return false;
        }
        return switch (actor.role()) {
            case APPLICANT -> application.accountId.equals(actor.accountId());
            // a draft is the applicant's alone until submitted
            case UNIT_HR -> application.state() != ApplicationState.DRAFT && application.unitId.equals(actor.unitId());
            // R8: the bureau sees what units recommended; the committee only what the bureau vetted
            case HR_BUREAU -> reached(application, ApplicationState.RECOMMENDED)
                    && actor.unitId() != null && actor.unitId().equals(hrBureauOf(application));
            case COMMITTEE_OFFICE -> reached(application, ApplicationState.VETTED)
                    && application.committeeId.equals(actor.committeeId());
            default -> false;
        };
    }

    /** The application if the actor may see it; otherwise a 404 APPLICATION_NOT_FOUND. */
    public Application require(UUID applicationId, Actor actor) {
        Application application = Application.findById(applicationId);
        if (application == null || !canSee(application, actor)) {
            throw notFound(applicationId);
        }
        return application;
    }

    /** The application as the client last saw it: visible to the actor and at the version the client sent. */
    public Application requireCurrent(UUID applicationId, Actor actor, Long version) {
        Application application = require(applicationId, actor);
        ApplicationStateMachine.requireVersion(application, version);
        return application;
    }

    public static Problem notFound(UUID applicationId) {
        return Problem.notFound("APPLICATION_NOT_FOUND", "No application " + applicationId + " is visible to you.");
    }

    /** Whether the application ever got as far as the step (withdrawn ones only if they had). */
    private static boolean reached(Application application, ApplicationState step) {
        ApplicationState state = application.state();
        if (state == ApplicationState.WITHDRAWN || state == ApplicationState.VOID) {
            return application.pledgeSignedAt != null && switch (step) {
                case RECOMMENDED -> application.unitPledgeSignedAt != null;
                default -> false;
            };
        }
        return state.compareTo(step) >= 0;
    }

    private static UUID hrBureauOf(Application application) {
        Committee committee = Committee.findById(application.committeeId);
        return committee == null ? null : committee.hrBureauId;
    }
}
