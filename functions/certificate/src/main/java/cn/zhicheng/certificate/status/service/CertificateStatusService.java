package cn.zhicheng.certificate.status.service;

import cn.zhicheng.certificate.status.mapping.CertificateStatusView;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.MalformedCertificateNumberException;
import cn.zhicheng.core.certificate.RevocationCause;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.time.ClockProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The public status of a certificate by its number: the hot path of a results notice's QR scans (benchmark P1). */
@ApplicationScoped
// one read-only statement: no transaction to begin and commit around it
@Transactional(Transactional.TxType.SUPPORTS)
public class CertificateStatusService {

    // One statement on the unique number index; the reissue, if any, comes through the supersedes_id index in the
    // same round trip. Only the columns the answer needs are read, so the payload and photo stay on disk.
    private static final String STATUS_QUERY = """
            select c.number, c.kind, c.status, c.issuedOn, c.termEndsOn, c.revokedAt, c.revocationCause,
                   next.number, c.supersededAt
            from Certificate c left join Certificate next on next.supersedesId = c.id
            where c.number = :number""";

    private final EntityManager entityManager;
    private final Clock clock;

    public CertificateStatusService(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The standing of the certificate with this number as typed or scanned; a malformed one never reaches the DB. */
    public CertificateStatusView statusOf(String typedNumber) {
        String number = parse(typedNumber).value();
        List<Object[]> rows = entityManager.createQuery(STATUS_QUERY, Object[].class)
                .setParameter("number", number)
                .setMaxResults(1)
                .getResultList();
        if (rows.isEmpty()) {
            throw Problem.notFound("CERTIFICATE_NOT_FOUND", "No certificate has the number " + number + ".");
        }
        Object[] row = rows.getFirst();
        CertificateStatus stored = (CertificateStatus) row[2];
        LocalDate termEndsOn = (LocalDate) row[4];
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA);
        return new CertificateStatusView((String) row[0], (CertificateKind) row[1],
                Certificate.statusOn(stored, termEndsOn, today), (LocalDate) row[3], termEndsOn, (Instant) row[5],
                (RevocationCause) row[6], (String) row[7], (Instant) row[8]);
    }

    private static CertificateNumber parse(String typedNumber) {
        try {
            return CertificateNumber.parse(typedNumber);
        } catch (MalformedCertificateNumberException e) {
            throw Problem.rule("R27", 400, "MALFORMED_CERTIFICATE_NUMBER", "Not a certificate number", e.getMessage())
                    .with("reason", e.reason().name());
        }
    }
}
