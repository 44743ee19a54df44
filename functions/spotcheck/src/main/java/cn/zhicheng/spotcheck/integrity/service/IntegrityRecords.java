package cn.zhicheng.spotcheck.integrity.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.RevocationCause;
import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.integrity.IntegrityKind;
import cn.zhicheng.core.integrity.IntegrityRecord;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.InvalidIdNumberException;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The one place that enters a record in the integrity record (R20, R21, R31) and the one place that takes a title
 * back (R20, R31): the application revoked and its certificate marked revoked, always audited, always in the
 * caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IntegrityRecords {

    public static final String SUBJECT = "INTEGRITY_RECORD";
    public static final String CERTIFICATE_SUBJECT = "CERTIFICATE";

    private final ApplicationStateMachine stateMachine;
    private final DeadlineService deadlines;
    private final ZhichengConfig config;
    private final AuditTrail audit;
    private final Clock clock;

    public IntegrityRecords(ApplicationStateMachine stateMachine, DeadlineService deadlines, ZhichengConfig config,
            AuditTrail audit, Clock clock) {
        this.stateMachine = stateMachine;
        this.deadlines = deadlines;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a new record says; the ids it refers to may be null. */
    public record Entry(IntegrityKind kind, UUID personId, String personName, UUID unitId, UUID applicationId,
            UUID certificateId, UUID drawId, UUID reportId, String summary, boolean bars) {
    }

    /**
     * Enters a record confirmed today (China time). A barring record (R20 fraud, R21 false proof) bars the person
     * until the day {@code zhicheng.integrity.ban-years} after it.
     */
    public IntegrityRecord enter(Actor actor, Entry entry) {
        LocalDate today = deadlines.today();
        IntegrityRecord record = new IntegrityRecord();
        record.id = UUID.randomUUID();
        record.kind = entry.kind();
        record.personId = entry.personId();
        record.personName = entry.personName();
        record.unitId = entry.unitId();
        record.applicationId = entry.applicationId();
        record.certificateId = entry.certificateId();
        record.spotCheckDrawId = entry.drawId();
        record.reportId = entry.reportId();
        record.summary = entry.summary().length() > 2000 ? entry.summary().substring(0, 2000) : entry.summary();
        record.confirmedOn = today;
        record.banEndsOn = entry.bars() ? today.plusYears(config.integrity().banYears()) : null;
        record.createdBy = actor.accountId();
        record.createdAt = clock.instant();
        record.persist();
        // the person by id, never by ID number: the audit trail is read more widely than the record
        audit.record(actor, new AuditTrail.Change("INTEGRITY_RECORD_ENTER", SUBJECT, record.id, null,
                record.kind.name(), record.kind.rule() + (record.personId == null ? "" : ", person " + record.personId)
                        + (record.banEndsOn == null ? "" : ", barred until " + record.banEndsOn) + ": "
                        + record.summary));
        return record;
    }

    /**
     * R20, R31: takes a certified title back: the application becomes REVOKED through the state machine and its
     * certificate is marked revoked with the reason and the moment. A certificate without a certified application
     * (already revoked, or issued elsewhere) is revoked on its own.
     */
    public void revoke(Actor actor, Certificate certificate, RevocationCause cause, String reason) {
        Application application = certificate.applicationId == null ? null
                : Application.findById(certificate.applicationId);
        if (application != null && application.state() == ApplicationState.CERTIFIED) {
            stateMachine.apply(application, ApplicationTransition.REVOKE, actor, reason);
        }
        if (certificate.status != CertificateStatus.REVOKED) {
            certificate.revoke(cause, reason, clock.instant());
            audit.record(actor, new AuditTrail.Change("CERTIFICATE_REVOKE", CERTIFICATE_SUBJECT, certificate.id,
                    CertificateStatus.VALID.name(), CertificateStatus.REVOKED.name(),
                    certificate.number + ": " + reason));
        }
    }

    /**
     * The person with this ID number, registered now under the given name if unknown (R21: a responsible
     * professional may never have applied). A malformed number is refused, naming the field.
     */
    public Person person(String idNumber, String name, String field) {
        IdNumber parsed;
        try {
            parsed = IdNumber.parse(idNumber, deadlines.today());
        } catch (InvalidIdNumberException e) {
            throw Problem.badRequest("INVALID_ID_NUMBER", "Invalid ID number", e.getMessage())
                    .withErrors(List.of(new Problem.FieldError(field, e.getMessage())));
        }
        return Person.findByIdNumber(parsed.value()).orElseGet(() -> {
            if (name == null || name.isBlank()) {
                throw Problem.validation(List.of(new Problem.FieldError(field.replace("IdNumber", "Name"),
                        "give the person's name: no one with this ID number is registered yet")));
            }
            Person person = Person.create(name.trim(), parsed, clock.instant());
            person.persist();
            return person;
        });
    }
}
