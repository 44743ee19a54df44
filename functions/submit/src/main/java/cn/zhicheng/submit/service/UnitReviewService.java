package cn.zhicheng.submit.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationAccess;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.application.EvidenceKind;
import cn.zhicheng.core.application.Objection;
import cn.zhicheng.core.application.VerificationRoute;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.idempotency.Idempotency;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.submit.rest.ApplicationRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The employer unit's first review, publicity and recommendation (R4–R7); the record says who did each (R6). */
@ApplicationScoped
@Transactional
public class UnitReviewService {

    /** The objection subject of the audit trail. */
    static final String OBJECTION = "OBJECTION";

    private final ApplicationStateMachine stateMachine;
    private final ApplicationAccess access;
    private final AuditTrail audit;
    private final DeadlineService deadlines;
    private final Idempotency idempotency;
    private final Clock clock;

    public UnitReviewService(ApplicationStateMachine stateMachine, ApplicationAccess access, AuditTrail audit,
            DeadlineService deadlines, Idempotency idempotency, Clock clock) {
        this.stateMachine = stateMachine;
        this.access = access;
        this.audit = audit;
        this.deadlines = deadlines;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public List<Application> list(Actor actor) {
        return Application.listByUnit(actor.unitId());
    }

    /** One application of the unit's staff (not a draft: that is the applicant's alone). */
    public Application get(Actor actor, UUID id) {
        return access.require(id, actor);
    }

    /** R6: first review passed, recorded with the reviewer; R7: the unit publicity starts. */
    public Application review(Actor actor, UUID id, ApplicationRequests.Step request) {
        Application application = access.requireCurrent(id, actor, request.version());
        stateMachine.apply(application, ApplicationTransition.UNIT_REVIEW, actor, request.comment());
        application.unitReviewedBy = actor.accountId();
        // stored with microsecond precision: the response shows what the record keeps
        application.unitReviewedAt = application.updatedAt.truncatedTo(ChronoUnit.MICROS);
        // R7, R32: the deadline hook attached the publicity in this transaction; its due date is the one count
        application.publicityEndsOn = publicityEndsOn(application);
        Application.flush();
        return application;
    }

    public Application returnToApplicant(Actor actor, UUID id, ApplicationRequests.Reasoned request) {
        Application application = access.requireCurrent(id, actor, request.version());
        stateMachine.apply(application, ApplicationTransition.RETURN, actor, request.reason().trim());
        // R5: a changed application needs a fresh pledge
        application.pledgeSignedAt = null;
        Application.flush();
        return application;
    }

    /**
     * R4, R5, R7: recommended with the unit's pledge and the route that verified each number, only after the
     * publicity ended with every objection decided and none upheld, and with the three attachments.
     */
    public Application recommend(Actor actor, UUID id, ApplicationRequests.Recommend request) {
        Application application = access.requireCurrent(id, actor, request.version());
        if (!Boolean.TRUE.equals(request.unitPledgeAccepted())) {
            throw Problem.rule("R5", 422, "UNIT_PLEDGE_REQUIRED", "Unit pledge required",
                    "The unit must sign its integrity pledge to recommend.");
        }
        requireDiplomaRoute(application, request.diplomaVerification());
        requireDegreeRoute(application, request.degreeVerification());
        // an application in any other state is refused by the state machine below
        if (application.state() == ApplicationState.UNIT_PUBLICITY) {
            requirePublicityPassed(application);
            requireAttachments(application);
        }
        stateMachine.apply(application, ApplicationTransition.RECOMMEND, actor, request.comment());
        application.diplomaVerification = request.diplomaVerification();
        application.degreeVerification = application.degreeNumber == null ? null : request.degreeVerification();
        application.unitPledgeSignedAt = clock.instant();
        application.unitPledgeBy = actor.accountId();
        Application.flush();
        return application;
    }

    /**
     * R7: records an objection once per Idempotency-Key (a retried request gets the first one back). Runs outside a
     * transaction because the key and the objection commit together in their own.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Objection raiseOnce(Actor actor, UUID applicationId, String idempotencyKey,
            ApplicationRequests.RaiseObjection request) {
        // the application is part of the operation, so a key reused on another application is refused
        UUID id = idempotency.once(actor, idempotencyKey, "RAISE_OBJECTION " + applicationId,
                () -> raise(actor, applicationId, request).id);
        return Objection.findById(id);
    }

    /** R7: an objection raised during the publicity, up to and including its last day. */
    public Objection raise(Actor actor, UUID applicationId, ApplicationRequests.RaiseObjection request) {
        Application application = access.require(applicationId, actor);
        if (application.state() == ApplicationState.SUBMITTED) {
            throw Problem.rule("R7", 422, "PUBLICITY_NOT_STARTED", "Publicity not started",
                    "Objections are recorded during the unit publicity, which starts with the unit's first review.");
        }
        LocalDate endsOn = application.state() == ApplicationState.UNIT_PUBLICITY ? publicityEndsOn(application)
                : null;
        if (endsOn == null || deadlines.today().isAfter(endsOn)) {
            throw Problem.rule("R7", 422, "PUBLICITY_OVER", "Publicity over",
                    endsOn == null ? "The unit publicity of this application is over (it is " + application.state()
                            + "); objections can no longer be recorded here."
                            : "The unit publicity ended on " + endsOn + "; objections can no longer be recorded.")
                    .with("publicityEndsOn", endsOn == null ? application.publicityEndsOn : endsOn);
        }
        Objection objection = new Objection();
        objection.id = UUID.randomUUID();
        objection.applicationId = application.id;
        objection.stage = Objection.Stage.UNIT_PUBLICITY;
        objection.raisedAt = clock.instant();
        objection.raisedBy = request.raisedBy().trim();
        objection.contact = request.contact() == null || request.contact().isBlank() ? null : request.contact().trim();
        objection.content = request.content().trim();
        objection.recordedBy = actor.accountId();
        objection.persist();
        audit.record(actor, new AuditTrail.Change("OBJECTION_RECORDED", OBJECTION, objection.id, null, "OPEN",
                "application " + application.id + ", raised by " + objection.raisedBy));
        return objection;
    }

    /** R7: the unit upholds or dismisses an objection with an explanation; a decision is final. */
    public Objection decide(Actor actor, UUID applicationId, UUID objectionId,
            ApplicationRequests.DecideObjection request) {
        Application application = access.require(applicationId, actor);
        Objection objection = Objection.findById(objectionId);
        if (objection == null || !objection.applicationId.equals(application.id)
                || objection.stage != Objection.Stage.UNIT_PUBLICITY) {
            throw Problem.notFound("OBJECTION_NOT_FOUND", "No objection " + objectionId + " on this application.");
        }
        if (!objection.isOpen()) {
            throw Problem.conflict("OBJECTION_ALREADY_DECIDED", "Already decided",
                    "This objection was " + objection.decision + " on " + objection.decidedAt
                            + "; a decision is final.");
        }
        Problem.requireVersion("objection", request.version(), objection.version);
        if (application.state() != ApplicationState.UNIT_PUBLICITY) {
            throw Problem.conflict("NOT_IN_PUBLICITY", "Not in the unit publicity",
                    "Objections are decided while the application is in its unit publicity; it is "
                            + application.state() + ".");
        }
        objection.decision = request.decision();
        objection.explanation = request.explanation().trim();
        objection.decidedAt = clock.instant();
        objection.decidedBy = actor.accountId();
        audit.record(actor, new AuditTrail.Change("OBJECTION_DECIDED", OBJECTION, objection.id, "OPEN",
                objection.decision.name(), objection.explanation));
        // two staff deciding at once: the second fails here as STALE_VERSION, its audit event rolled back
        Objection.flush();
        return objection;
    }

    /** R7, R32: the last day of the publicity, as the deadline engine counts it (it moves with calendar edits). */
    private static LocalDate publicityEndsOn(Application application) {
        return Deadline.findFor(DeadlineKind.UNIT_PUBLICITY, application.id).map(d -> d.dueDate)
                .or(() -> Optional.ofNullable(application.publicityEndsOn))
                .orElseThrow(() -> new IllegalStateException("No unit publicity recorded for " + application.id));
    }

    /** R7: recommended only after the publicity, with every objection decided and none upheld. */
    private void requirePublicityPassed(Application application) {
        LocalDate endsOn = publicityEndsOn(application);
        if (!deadlines.today().isAfter(endsOn)) {
            throw Problem.rule("R7", 422, "PUBLICITY_NOT_ENDED", "Publicity not over",
                    "The unit publicity runs until " + endsOn + " (5 working days); recommend from the next day on.")
                    .with("publicityEndsOn", endsOn);
        }
        // only this publicity's objections: one upheld before a return was answered by that return
        Instant since = application.unitReviewedAt;
        long open = Objection.countOpen(application.id, Objection.Stage.UNIT_PUBLICITY, since);
        if (open > 0) {
            throw Problem.rule("R7", 422, "OBJECTION_UNDECIDED", "Objection not decided",
                    open + " objection(s) raised in the publicity are not decided; uphold or dismiss each with an "
                            + "explanation first.").with("openObjections", open);
        }
        if (Objection.countUpheld(application.id, Objection.Stage.UNIT_PUBLICITY, since) > 0) {
            throw Problem.rule("R7", 422, "OBJECTION_UPHELD", "Objection upheld",
                    "An objection raised in the publicity was upheld, so the unit cannot recommend this application; "
                            + "return it to the applicant instead.");
        }
    }

    /** R7: the supervision card, the expert appraisal form and the publicity record, each uploaded. */
    private static void requireAttachments(Application application) {
        Set<EvidenceKind> attached = EvidenceItem.<EvidenceItem>list("applicationId = ?1 and status = ?2",
                application.id, EvidenceItem.Status.UPLOADED).stream().map(i -> i.kind).collect(Collectors.toSet());
        List<EvidenceKind> missing = Arrays.stream(EvidenceKind.values())
                .filter(k -> k.byUnit() && !attached.contains(k)).toList();
        if (!missing.isEmpty()) {
            throw Problem.rule("R7", 422, "RECOMMENDATION_INCOMPLETE", "Attachments missing",
                    "The recommendation needs the six-disclosures supervision card, the expert appraisal form and the "
                            + "publicity record; attach and upload " + missing + " first.")
                    .with("missing", missing);
        }
    }

    /** R4: the diploma is verified by the national diploma database (graduates of 2002 on) or an archive review. */
    private static void requireDiplomaRoute(Application application, VerificationRoute route) {
        List<VerificationRoute> fits = VerificationRoute.forDiploma(application.graduationYear);
        if (route == null) {
            throw Problem.rule("R4", 422, "DIPLOMA_NOT_VERIFIED", "Diploma not verified",
                    "Record how the diploma number was verified: " + or(fits) + ".").with("applicableRoutes", fits);
        }
        if (!route.verifiesDiploma(application.graduationYear)) {
            String why = route == VerificationRoute.DEGREE_DATABASE
                    ? "The degree database verifies degrees, not diplomas"
                    : application.graduationYear == null ? "The graduation year is not recorded"
                    : "The diploma database holds graduates of " + VerificationRoute.DIPLOMA_DATABASE_FIRST_YEAR
                            + " and later; this applicant graduated in " + application.graduationYear;
            throw Problem.rule("R4", 422, "DIPLOMA_ROUTE_NOT_APPLICABLE", "Verification route does not fit",
                    why + ", so verify the diploma by " + or(fits) + ".").with("applicableRoutes", fits);
        }
    }

    /** R4: a degree is verified by the national degree database (awarded from 2008-09-01) or an archive review. */
    private static void requireDegreeRoute(Application application, VerificationRoute route) {
        if (application.degreeNumber == null) {
            return;
        }
        List<VerificationRoute> fits = VerificationRoute.forDegree(application.degreeAwardedOn);
        if (route == null) {
            throw Problem.rule("R4", 422, "DEGREE_NOT_VERIFIED", "Degree not verified",
                    "Record how the degree number was verified: " + or(fits) + ".").with("applicableRoutes", fits);
        }
        if (!route.verifiesDegree(application.degreeAwardedOn)) {
            String why = route == VerificationRoute.DIPLOMA_DATABASE
                    ? "The diploma database verifies diplomas, not degrees"
                    : application.degreeAwardedOn == null ? "The degree's award date is not recorded"
                    : "The degree database holds degrees awarded from " + VerificationRoute.DEGREE_DATABASE_FIRST_DAY
                            + "; this degree was awarded on " + application.degreeAwardedOn;
            throw Problem.rule("R4", 422, "DEGREE_ROUTE_NOT_APPLICABLE", "Verification route does not fit",
                    why + ", so verify the degree by " + or(fits) + ".").with("applicableRoutes", fits);
        }
    }

    private static String or(List<VerificationRoute> routes) {
        return routes.stream().map(Enum::name).collect(Collectors.joining(" or "));
    }
}
