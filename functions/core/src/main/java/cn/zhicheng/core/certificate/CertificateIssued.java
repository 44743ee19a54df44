package cn.zhicheng.core.certificate;

import java.time.LocalDate;
import java.util.UUID;

/** Fired inside the issuing transaction for every new certificate, so other areas react without a dependency. */
public record CertificateIssued(UUID certificateId, UUID issuerId, CertificateKind kind, LocalDate issuedOn) {
}
