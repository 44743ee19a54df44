package cn.zhicheng.certificate.mapping;

import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.ReissueReason;
import cn.zhicheng.core.certificate.ReissueRequest;
import java.time.Instant;
import java.util.UUID;

/** A holder's reissue request as the holder and the issuer see it. */
public record ReissueRequestView(UUID id, UUID certificateId, String certificateNumber, String holderName,
        ReissueReason reason, String note, ReissueRequest.State state, Instant decidedAt, String decisionNote,
        UUID newCertificateId, String newCertificateNumber, Instant createdAt, long version) {

    public static ReissueRequestView of(ReissueRequest r) {
        Certificate certificate = Certificate.findById(r.certificateId);
        Certificate replacement = r.newCertificateId == null ? null : Certificate.findById(r.newCertificateId);
        return new ReissueRequestView(r.id, r.certificateId, certificate.number, certificate.holderName, r.reason,
                r.note, r.state, r.decidedAt, r.decisionNote, r.newCertificateId,
                replacement == null ? null : replacement.number, r.createdAt, r.version);
    }
}
