package cn.zhicheng.submit.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationAccess;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.application.Employment;
import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.application.EvidenceKind;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.idempotency.Idempotency;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.integrity.IntegrityKind;
import cn.zhicheng.core.integrity.IntegrityRecord;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.core.unit.UnitKind;
import cn.zhicheng.submit.rest.ApplicationRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The applicant's side: drafting, submitting with the pledge, withdrawing. */
@ApplicationScoped
@Transactional
public class ApplicationService {

    /** The operation an Idempotency-Key of a create request is stored under. */
    static final String CREATE = "CREATE_APPLICATION";

    private final ApplicationStateMachine stateMachine;
    private final ApplicationAccess access;
    private final AuditTrail audit;
    private final Idempotency idempotency;
    private final DeadlineService deadlines;
    private final Clock clock;

    public ApplicationService(ApplicationStateMachine stateMachine, ApplicationAccess access, AuditTrail audit,
            Idempotency idempotency, DeadlineService deadlines, Clock clock) {
        this.stateMachine = stateMachine;
        this.access = access;
        this.audit = audit;
        this.idempotency = idempotency;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * Creates the draft once per Idempotency-Key: a double click or a retry after a lost response gets the first
     * draft back. Runs outside a transaction because the key and the draft commit together in their own.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Application createOnce(Actor actor, String idempotencyKey, ApplicationRequests.Create request) {
        UUID id = idempotency.once(actor, idempotencyKey, CREATE, () -> create(actor, request).id);
        return get(actor, id);
    }

    public Application create(Actor actor, ApplicationRequests.Create request) {
        if (actor.personId() == null) {
            throw Problem.of(403, "NO_PERSON", "Forbidden", "Your account is not linked to a person.");
        }
        Employment employment = request.employment() == null ? Employment.EMPLOYED : request.employment();
        Unit unit = eligibleUnit(request.unitId(), employment);
        Series series = Series.findById(request.seriesId());
        if (series == null) {
            throw Problem.of(422, "SERIES_NOT_FOUND", "Unknown series",
                    "There is no series " + request.seriesId() + ".");
        }
        // R8: an application goes to the committee of its series and level whose jurisdiction holds its unit
        Committee committee = Committee.forApplication(series.id, request.level(), unit.region)
                .orElseThrow(() -> Problem.rule("R8", 422, "NO_COMMITTEE", "No committee",
                        "No committee reviews " + series.nameZh + " at level " + request.level() + " for units in "
                                + (unit.region == null ? "no recorded region" : unit.region) + "."));
        String degreeNumber = blankToNull(request.degreeNumber());
        requireEducationDates(request, degreeNumber);
        Application application = Application.draft(UUID.randomUUID(), clock.instant());
        application.applicantId = actor.personId();
        application.accountId = actor.accountId();
        application.unitId = unit.id;
        application.employment = employment;
        application.seriesId = series.id;
        application.level = request.level();
        application.specialty = request.specialty().trim();
        application.practisedSpecialty = blankToNull(request.practisedSpecialty());
        application.grassroots = Boolean.TRUE.equals(request.grassroots());
        application.committeeId = committee.id;
        application.diplomaNumber = request.diplomaNumber().trim();
        application.graduationYear = request.graduationYear();
        application.degreeNumber = degreeNumber;
        // R4: the award date only means something with a degree number
        application.degreeAwardedOn = degreeNumber == null ? null : request.degreeAwardedOn();
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

    /** R5: no submission without the applicant's integrity pledge; R20: none while a ban runs. */
    public Application submit(Actor actor, UUID id, ApplicationRequests.Submit request) {
        Application application = owned(actor, id);
        ApplicationStateMachine.requireVersion(application, request.version());
        if (!Boolean.TRUE.equals(request.pledgeAccepted())) {
            throw Problem.rule("R5", 422, "PLEDGE_REQUIRED", "Integrity pledge required",
                    "Sign the integrity pledge before submitting.");
        }
        requireNoBan(application);
        long pending = EvidenceItem.count("applicationId = ?1 and kind = ?2 and status = ?3", id,
                EvidenceKind.APPLICANT, EvidenceItem.Status.PENDING);
        if (pending > 0) {
            throw Problem.conflict("EVIDENCE_INCOMPLETE", "Uploads not finished",
                    pending + " evidence file(s) have not finished uploading; finish or remove them first.");
        }
        stateMachine.apply(application, ApplicationTransition.SUBMIT, actor, "integrity pledge signed");
        application.pledgeSignedAt = clock.instant();
        // a double-clicked submit: the second request loaded the same version; its update fails here as a
        // STALE_VERSION (and its audit event rolls back) instead of at commit as an unmapped rollback
        Application.flush();
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

    /** R3: an employed applicant applies through the employer unit, a flexible worker through an agency. */
    private static Unit eligibleUnit(UUID unitId, Employment employment) {
        Unit unit = Unit.findById(unitId);
        UnitKind expected = employment == Employment.FLEXIBLE ? UnitKind.AGENCY : UnitKind.EMPLOYER;
        if (unit == null || unit.kind != expected) {
            String detail = employment == Employment.FLEXIBLE
                    ? "A flexible worker applies through the agency or dispatch unit (人事代理/派遣机构) holding "
                            + "their file; choose an agency unit."
                    : "An employed applicant applies through the employer unit (用人单位) holding their labour or "
                            + "personnel relation; choose an employer unit.";
            throw Problem.rule("R3", 422, "UNIT_NOT_ELIGIBLE", "Not the unit to apply through",
                    unit == null ? detail : detail + " " + unit.name + " is " + unit.kind + ".")
                    .with("unitKind", expected);
        }
        return unit;
    }

    /** R4: the graduation year and award date decide how the unit can verify the numbers, so they must be real. */
    private void requireEducationDates(ApplicationRequests.Create request, String degreeNumber) {
        LocalDate today = deadlines.today();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.graduationYear() > today.getYear()) {
            errors.add(new Problem.FieldError("graduationYear", "must be between 1950 and " + today.getYear()));
        }
        if (degreeNumber != null && request.degreeAwardedOn() == null) {
            errors.add(new Problem.FieldError("degreeAwardedOn", "must be given with a degree number"));
        }
        if (degreeNumber != null && request.degreeAwardedOn() != null && request.degreeAwardedOn().isAfter(today)) {
            errors.add(new Problem.FieldError("degreeAwardedOn", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw Problem.validation(errors);
        }
    }

    /** R20: a person whose fraud was confirmed may not apply until the ban ends. */
    /** R20, R21: a person barred by a confirmed fraud or a false proof they were responsible for may not apply. */
    private void requireNoBan(Application application) {
        IntegrityRecord.activeBan(application.applicantId, deadlines.today()).ifPresent(ban -> {
            String why = ban.kind == IntegrityKind.FALSE_PROOF
                    ? "False proof you were responsible for was confirmed on "
                    : "Fraud was confirmed on ";
            throw Problem.rule(ban.kind.rule(), 403, "INTEGRITY_BAN", "Barred from applying",
                    why + ban.confirmedOn + ", so you may not apply until " + ban.banEndsOn
                            + "; the application stays a draft.")
                    .with("banEndsOn", ban.banEndsOn);
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
