package cn.zhicheng.certificate.status.mapping;

import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.RevocationCause;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What anyone may learn from a certificate number alone: its standing and dates, never its holder (decision 0013).
 *
 * @param validUntil the last day of an appointment term; null for a title certificate, which has no term
 * @param supersededBy the number of the reissue that replaced this certificate (R29)
 */
public record CertificateStatusView(String number, CertificateKind kind, CertificateStatus status, LocalDate issuedOn,
        LocalDate validUntil, Instant revokedAt, RevocationCause revocationCause, String supersededBy,
        Instant supersededAt) {
}
