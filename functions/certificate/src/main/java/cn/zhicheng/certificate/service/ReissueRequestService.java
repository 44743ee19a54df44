package cn.zhicheng.certificate.service;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.ReissueReason;
import cn.zhicheng.core.certificate.ReissueRequest;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** R29: a holder asks the original issuer (谁发证，向谁申请) to reissue a lost or damaged certificate. */
@ApplicationScoped
@Transactional
public class ReissueRequestService {

    public static final String SUBJECT = "REISSUE_REQUEST";

    private final AuditTrail audit;
    private final Clock clock;

    public ReissueRequestService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The holder's request, routed to the certificate's original issuer; one pending request per certificate. */
    public ReissueRequest create(Actor actor, UUID certificateId, ReissueReason reason, String note) {
        Certificate certificate = Certificate.findById(certificateId, LockModeType.PESSIMISTIC_WRITE);
        if (certificate == null || !CertificateService.isHolder(actor, certificate)) {
            throw CertificateService.notFound(certificateId);
        }
        if (reason == ReissueReason.CORRECTION) {
            throw Problem.badRequest("REISSUE_REASON_INVALID", "Not a holder's reason",
                    "A holder asks for a reissue of a LOST or DAMAGED certificate; corrections are the issuer's.");
        }
        CertificateService.requireCurrent(certificate);
        if (ReissueRequest.pendingFor(certificate.id)) {
            throw Problem.conflict("REISSUE_REQUEST_PENDING", "Request already pending", "Certificate "
                    + certificate.number + " already has a reissue request waiting for its issuer.");
        }
        ReissueRequest request = new ReissueRequest();
        request.id = UUID.randomUUID();
        request.certificateId = certificate.id;
        request.personId = certificate.personId;
        request.issuerId = certificate.issuerId;
        request.reason = reason;
        request.note = note;
        request.state = ReissueRequest.State.PENDING;
        request.createdAt = clock.instant();
        request.persist();
        audit.record(actor, new AuditTrail.Change("REQUEST", SUBJECT, request.id, null, request.state.name(),
                certificate.number + " " + reason));
        return request;
    }

    /** The issuer sees the requests routed to it; the holder sees their own. */
    public List<ReissueRequest> list(Actor actor, ReissueRequest.State state) {
        if (actor.is(Role.APPLICANT)) {
            return actor.personId() == null ? List.of() : ReissueRequest.listByPerson(actor.personId(), state);
        }
        return actor.unitId() == null ? List.of() : ReissueRequest.listByIssuer(actor.unitId(), state);
    }

    public ReissueRequest refuse(Actor actor, UUID id, String note, Long version) {
        ReissueRequest request = ReissueRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || actor.is(Role.APPLICANT) || !request.issuerId.equals(actor.unitId())) {
            throw Problem.notFound("REISSUE_REQUEST_NOT_FOUND", "No reissue request " + id + " is visible to you.");
        }
        Problem.requireVersion("reissue request", version, request.version);
        if (request.state != ReissueRequest.State.PENDING) {
            throw notPending(request);
        }
        request.state = ReissueRequest.State.REFUSED;
        request.decidedBy = actor.accountId();
        request.decidedAt = clock.instant();
        request.decisionNote = note;
        audit.record(actor, new AuditTrail.Change("REFUSE", SUBJECT, request.id, ReissueRequest.State.PENDING.name(),
                request.state.name(), note));
        return request;
    }

    static Problem notPending(ReissueRequest request) {
        return Problem.conflict("REISSUE_REQUEST_NOT_PENDING", "Request already decided",
                "The reissue request was already decided (" + request.state + ").");
    }
}
