package cn.zhicheng.certificate.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationAccess;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateIssuer;
import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.IssueCommand;
import cn.zhicheng.core.certificate.ReissueReason;
import cn.zhicheng.core.certificate.ReissueRequest;
import cn.zhicheng.core.certificate.RevocationCause;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Title certificates from filed applications, one at a time or a round at once (R27, R28, R30); the issuer's
 * corrections, revocations and reissues (R29); the holder's and the issuer's lists.
 */
@ApplicationScoped
@Transactional
public class CertificateService {

    /** A round's application that was not certified, and why. */
    public record Skipped(UUID applicationId, String holderName, String code, String detail) {
    }

    /** What a round's issuance made and left out. */
    public record Batch(List<Certificate> issued, List<Skipped> skipped) {
    }

    /** A page of the issuer's certificates. */
    public record Listing(List<Certificate> items, long total, int page, int size) {
    }

    /** The issuer's reissue (R29); {@code requestId} names the holder's request it answers, if any. */
    public record Reissue(ReissueReason reason, String note, UUID requestId, Long version) {
    }

    private final ApplicationAccess access;
    private final ApplicationStateMachine stateMachine;
    private final CertificateIssuer issuer;
    private final AuditTrail audit;
    private final Clock clock;

    public CertificateService(ApplicationAccess access, ApplicationStateMachine stateMachine,
            CertificateIssuer issuer, AuditTrail audit, Clock clock) {
        this.access = access;
        this.stateMachine = stateMachine;
        this.issuer = issuer;
        this.audit = audit;
        this.clock = clock;
    }

    /** The HR bureau of the committee issues the certificate of a filed application (R27, R28). */
    public Certificate issue(Actor actor, UUID applicationId, String publicationNumber) {
        Application application = access.require(applicationId, actor);
        if (Certificate.findByApplication(application.id).isPresent()) {
            throw alreadyIssued();
        }
        // the state is checked first, so a refusal names what is wrong now rather than what is missing later
        if (application.state() == ApplicationState.FILED && application.photoUploadedAt == null) {
            throw photoMissing();
        }
        stateMachine.apply(application, ApplicationTransition.CERTIFY, actor, publicationNumber);
        return issuer.issue(actor, command(Filed.of(application), Committee.findById(application.committeeId),
                Series.findById(application.seriesId), publicationNumber));
    }

    /**
     * Every filed application of the round without a certificate, issued in one transaction; those that cannot
     * be are listed with why. Filed means passed, published and filed (R14-R16).
     */
    public Batch issueRound(Actor actor, UUID roundId, String publicationNumber) {
        ReviewRound round = ReviewRound.findById(roundId);
        Committee committee = round == null ? null : Committee.findById(round.committeeId);
        if (committee == null || !committee.hrBureauId.equals(actor.unitId())) {
            throw Problem.notFound("ROUND_NOT_FOUND", "No round " + roundId + " of your committees.");
        }
        Set<UUID> certified = new HashSet<>(Certificate.getEntityManager().createQuery("select c.applicationId "
                + "from Certificate c, Application a where a.id = c.applicationId and a.roundId = ?1", UUID.class)
                .setParameter(1, round.id).getResultList());
        Map<UUID, Series> series = new HashMap<>();
        List<ApplicationStateMachine.Current> certifying = new ArrayList<>();
        List<IssueCommand> commands = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Filed application : Filed.inRound(round.id)) {
            Problem refusal = certified.contains(application.id()) ? alreadyIssued()
                    : application.photoUploadedAt() == null ? photoMissing() : null;
            if (refusal != null) {
                skipped.add(new Skipped(application.id(), Person.<Person>findById(application.applicantId()).name,
                        refusal.code(), refusal.getMessage()));
                continue;
            }
            certifying.add(application.current());
            commands.add(command(application, committee,
                    series.computeIfAbsent(application.seriesId(), id -> Series.findById(id)), publicationNumber));
        }
        // the applications are certified in bulk while the certificates are signed
        return new Batch(issuer.issueAll(actor, commands, () -> stateMachine.applyAll(certifying,
                ApplicationTransition.CERTIFY, actor, publicationNumber)), skipped);
    }

    /** The issuer's certificates, newest first, by year of issue, status now and number or name. */
    public Listing issued(Actor actor, Integer year, CertificateStatus status, String q, int page, int size) {
        StringBuilder query = new StringBuilder("issuerId = :issuer");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("issuer", actor.unitId());
        if (year != null) {
            query.append(" and issuedOn >= :from and issuedOn < :to");
            parameters.put("from", LocalDate.of(year, 1, 1));
            parameters.put("to", LocalDate.of(year + 1, 1, 1));
        }
        if (status != null) {
            // EXPIRED is not stored: a VALID row past its term's end
            query.append(switch (status) {
                case VALID -> " and status = :status and (termEndsOn is null or termEndsOn >= :today)";
                case EXPIRED -> " and status = :status and termEndsOn < :today";
                default -> " and status = :status";
            });
            parameters.put("status", status == CertificateStatus.EXPIRED ? CertificateStatus.VALID : status);
            if (status == CertificateStatus.VALID || status == CertificateStatus.EXPIRED) {
                parameters.put("today", LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA));
            }
        }
        if (q != null && !q.isBlank()) {
            query.append(" and (upper(number) like :q or holderName like :name)");
            parameters.put("q", "%" + q.strip().toUpperCase(Locale.ROOT) + "%");
            parameters.put("name", "%" + q.strip() + "%");
        }
        var found = Certificate.<Certificate>find(query.toString(), Sort.descending("issuedOn", "number"),
                parameters);
        return new Listing(found.page(Page.of(page, size)).list(), found.count(), page, size);
    }

    public List<Certificate> mine(Actor actor) {
        return actor.personId() == null ? List.of() : Certificate.listByPerson(actor.personId());
    }

    /** The holder sees their own; the issuer sees what it issued. */
    public Certificate get(Actor actor, UUID id) {
        Certificate certificate = Certificate.findById(id);
        if (certificate == null || !(isHolder(actor, certificate) || isIssuer(actor, certificate))) {
            throw notFound(id);
        }
        return certificate;
    }

    /** The issuer corrects its own error by revoking (cause CORRECTION); fraud and misuse go through spot checks. */
    public Certificate revoke(Actor actor, UUID id, String reason, Long version) {
        Certificate certificate = requireOriginalIssuer(actor, id, "revoke");
        Problem.requireVersion("certificate", version, certificate.version);
        requireCurrent(certificate);
        certificate.revoke(RevocationCause.CORRECTION, reason, clock.instant());
        audit.record(actor, new AuditTrail.Change("REVOKE", CertificateIssuer.SUBJECT, certificate.id,
                CertificateStatus.VALID.name(), CertificateStatus.REVOKED.name(), "CORRECTION: " + reason));
        return certificate;
    }

    /**
     * R29: only the original issuer reissues (谁发证，谁补证): a new certificate with a new number and every printed
     * field copied; the old one becomes SUPERSEDED. A holder's pending request it answers is marked DONE.
     */
    public Certificate reissue(Actor actor, UUID id, Reissue reissue) {
        Certificate old = requireOriginalIssuer(actor, id, "reissue");
        Problem.requireVersion("certificate", reissue.version(), old.version);
        Certificate.findById(old.id, LockModeType.PESSIMISTIC_WRITE);
        requireCurrent(old);
        ReissueRequest request = reissue.requestId() == null ? null : pendingRequest(reissue.requestId(), old);
        Certificate replacement = issuer.issue(actor, IssueCommand.reissueOf(old, reissue.reason()));
        if (request != null) {
            request.state = ReissueRequest.State.DONE;
            request.decidedBy = actor.accountId();
            request.decidedAt = clock.instant();
            request.decisionNote = reissue.note();
            request.newCertificateId = replacement.id;
            audit.record(actor, new AuditTrail.Change("DONE", ReissueRequestService.SUBJECT, request.id,
                    ReissueRequest.State.PENDING.name(), request.state.name(), replacement.number));
        }
        if (reissue.note() != null && !reissue.note().isBlank()) {
            audit.record(actor, new AuditTrail.Change("REISSUE_NOTE", CertificateIssuer.SUBJECT, replacement.id,
                    null, null, reissue.reason() + ": " + reissue.note()));
        }
        return replacement;
    }

    /**
     * The certificate for a step only its issuer may take; another issuer is refused with R29 and told who
     * issued it, so the holder can be sent there.
     */
    static Certificate requireOriginalIssuer(Actor actor, UUID id, String step) {
        Certificate certificate = Certificate.findById(id);
        if (certificate == null || !(actor.is(Role.HR_BUREAU) || actor.is(Role.SELF_EVAL_UNIT))) {
            throw notFound(id);
        }
        if (!isIssuer(actor, certificate)) {
            Unit original = Unit.findById(certificate.issuerId);
            throw Problem.rule("R29", 403, "NOT_ORIGINAL_ISSUER", "Not the original issuer", "Certificate "
                    + certificate.number + " was issued by " + original.name + "; only its original issuer may "
                    + step + " it (谁发证，谁补证).")
                    .with("issuerId", original.id).with("issuerName", original.name);
        }
        return certificate;
    }

    static void requireCurrent(Certificate certificate) {
        if (certificate.status == CertificateStatus.REVOKED || certificate.status == CertificateStatus.SUPERSEDED) {
            throw Problem.conflict("CERTIFICATE_NOT_CURRENT", "Certificate not current", "Certificate "
                    + certificate.number + " is " + certificate.status + "; only a current certificate can be "
                    + "reissued, revoked or printed.");
        }
    }

    static boolean isHolder(Actor actor, Certificate certificate) {
        return actor.is(Role.APPLICANT) && certificate.personId.equals(actor.personId());
    }

    static boolean isIssuer(Actor actor, Certificate certificate) {
        return (actor.is(Role.HR_BUREAU) || actor.is(Role.SELF_EVAL_UNIT))
                && certificate.issuerId.equals(actor.unitId());
    }

    static Problem notFound(UUID id) {
        return Problem.notFound("CERTIFICATE_NOT_FOUND", "No certificate " + id + " is visible to you.");
    }

    private static ReissueRequest pendingRequest(UUID requestId, Certificate certificate) {
        ReissueRequest request = ReissueRequest.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !request.certificateId.equals(certificate.id)) {
            throw Problem.notFound("REISSUE_REQUEST_NOT_FOUND", "No reissue request " + requestId
                    + " for certificate " + certificate.number + ".");
        }
        if (request.state != ReissueRequest.State.PENDING) {
            throw ReissueRequestService.notPending(request);
        }
        return request;
    }

    /** What a title certificate prints, from the filed application (R27, R30). */
    private static IssueCommand command(Filed application, Committee committee, Series series,
            String publicationNumber) {
        return new IssueCommand(CertificateKind.TITLE, application.applicantId(), committee.hrBureauId,
                series.nameZh, application.specialty(), application.practisedSpecialty(), application.level(), null,
                null, null, committee.name, publicationNumber, application.photoKey(),
                application.photoContentType(), application.grassroots(), application.id(), null, null, null);
    }

    /** What issuance reads of a filed application; a round's are read as rows, not loaded as entities. */
    private record Filed(UUID id, ApplicationState state, long version, UUID applicantId, UUID seriesId,
            String specialty, String practisedSpecialty, TitleLevel level, String photoKey, String photoContentType,
            Instant photoUploadedAt, boolean grassroots) {

        static Filed of(Application a) {
            return new Filed(a.id, a.state(), a.version, a.applicantId, a.seriesId, a.specialty, a.practisedSpecialty,
                    a.level, a.photoKey, a.photoContentType, a.photoUploadedAt, a.grassroots);
        }

        ApplicationStateMachine.Current current() {
            return new ApplicationStateMachine.Current(id, state, version);
        }

        /** The round's FILED applications, in the order they were made. */
        static List<Filed> inRound(UUID roundId) {
            return Application.getEntityManager().createQuery("select a.id, a.state, a.version, a.applicantId, "
                    + "a.seriesId, a.specialty, a.practisedSpecialty, a.level, a.photoKey, a.photoContentType, "
                    + "a.photoUploadedAt, a.grassroots from Application a where a.roundId = ?1 and a.state = ?2 "
                    + "order by a.createdAt, a.id", Object[].class)
                    .setParameter(1, roundId).setParameter(2, ApplicationState.FILED).getResultStream()
                    .map(r -> new Filed((UUID) r[0], (ApplicationState) r[1], (Long) r[2], (UUID) r[3], (UUID) r[4],
                            (String) r[5], (String) r[6], (TitleLevel) r[7], (String) r[8], (String) r[9],
                            (Instant) r[10], (Boolean) r[11]))
                    .toList();
        }
    }

    private static Problem alreadyIssued() {
        return Problem.conflict("ALREADY_ISSUED", "Already issued",
                "A certificate was already issued for this application.");
    }

    private static Problem photoMissing() {
        return Problem.rule("R27", 409, "PHOTO_MISSING", "Photo missing", "The applicant has not uploaded the "
                + "photo the certificate prints (R27); ask them to upload it with the application.");
    }
}
