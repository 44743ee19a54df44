package cn.zhicheng.submit.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationAccess;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.core.unit.UnitKind;
import cn.zhicheng.submit.rest.ApplicationRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The applicant's side: drafting, submitting with the pledge, withdrawing. */
@ApplicationScoped
@Transactional
public class ApplicationService {

    private final ApplicationStateMachine stateMachine;
    private final ApplicationAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    public ApplicationService(ApplicationStateMachine stateMachine, ApplicationAccess access, AuditTrail audit,
            Clock clock) {
        this.stateMachine = stateMachine;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public Application create(Actor actor, ApplicationRequests.Create request) {
        if (actor.personId() == null) {
            throw Problem.of(403, "NO_PERSON", "Forbidden", "Your account is not linked to a person.");
        }
        Unit unit = Unit.findById(request.unitId());
        // R3: through the unit holding the labour relation, or an agency for flexible workers
        if (unit == null || (unit.kind != UnitKind.EMPLOYER && unit.kind != UnitKind.AGENCY)) {
            throw Problem.rule("R3", 422, "UNIT_NOT_ELIGIBLE", "Not an employer unit",
                    "Apply through the employer unit or agency holding your labour relation.");
        }
        Series series = Series.findById(request.seriesId());
        if (series == null) {
            throw Problem.of(422, "SERIES_NOT_FOUND", "Unknown series", "There is no series " + request.seriesId() + ".");
        }
        // R8: an application goes to the committee of its series and level
        Committee committee = Committee.forSeriesAndLevel(series.id, request.level())
                .orElseThrow(() -> Problem.rule("R8", 422, "NO_COMMITTEE", "No committee",
                        "No committee reviews " + series.nameZh + " at level " + request.level() + "."));
        Application application = Application.draft(UUID.randomUUID(), clock.instant());
        application.applicantId = actor.personId();
        application.accountId = actor.accountId();
        application.unitId = unit.id;
        application.seriesId = series.id;
        application.level = request.level();
        application.specialty = request.specialty().trim();
        application.committeeId = committee.id;
        application.diplomaNumber = request.diplomaNumber().trim();
        application.degreeNumber = blankToNull(request.degreeNumber());
        application.persist();
        audit.record(actor, new AuditTrail.Change("CREATE", ApplicationStateMachine.SUBJECT, application.id, null,
                application.state().name(), null));
        return application;
    }

    public List<Application> mine(Actor actor) {
        return Application.listByAccount(actor.accountId());
    }

    public Application get(Actor actor, UUID id) {
        return access.require(id, actor);
    }

    /** R5: no submission without the applicant's integrity pledge. */
    public Application submit(Actor actor, UUID id, ApplicationRequests.Submit request) {
        Application application = owned(actor, id);
        ApplicationStateMachine.requireVersion(application, request.version());
        if (!Boolean.TRUE.equals(request.pledgeAccepted())) {
            throw Problem.rule("R5", 422, "PLEDGE_REQUIRED", "Integrity pledge required",
                    "Sign the integrity pledge before submitting.");
        }
        long pending = EvidenceItem.count("applicationId = ?1 and status = ?2", id, EvidenceItem.Status.PENDING);
        if (pending > 0) {
            throw Problem.conflict("EVIDENCE_INCOMPLETE", "Uploads not finished",
                    pending + " evidence file(s) have not finished uploading; finish or remove them first.");
        }
        stateMachine.apply(application, ApplicationTransition.SUBMIT, actor, "integrity pledge signed");
        application.pledgeSignedAt = clock.instant();
        return application;
    }

    public Application withdraw(Actor actor, UUID id, ApplicationRequests.Reasoned request) {
        Application application = owned(actor, id);
        ApplicationStateMachine.requireVersion(application, request.version());
        stateMachine.apply(application, ApplicationTransition.WITHDRAW, actor, request.reason().trim());
        return application;
    }

    /** The actor's own application: others' are invisible (404), not forbidden. */
    Application owned(Actor actor, UUID id) {
        Application application = access.require(id, actor);
        if (!application.accountId.equals(actor.accountId())) {
            throw ApplicationAccess.notFound(id);
        }
        return application;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
