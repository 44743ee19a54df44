package cn.zhicheng.core.certificate;

import cn.zhicheng.core.series.TitleLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An issued e-certificate (电子证书, R27, R28) with its signed payload. */
@Entity
@Table(name = "certificate")
public class Certificate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String number;

    @Column(name = "application_id", unique = true)
    public UUID applicationId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "issuer_id", nullable = false)
    public UUID issuerId;

    @Column(nullable = false)
    public String kid;

    @Column(name = "holder_name", nullable = false)
    public String holderName;

    @Column(name = "series_name", nullable = false)
    public String seriesName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TitleLevel level;

    @Column(nullable = false)
    public String specialty;

    @Column(name = "committee_name", nullable = false)
    public String committeeName;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    /** The compact JWS the QR carries. */
    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificateStatus status;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revocation_reason")
    public String revocationReason;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * R20, R31: marks the certificate revoked with the reason and the moment; verifiers are told so from then on.
     * Revoking a revoked certificate keeps its first reason and date.
     */
    public void revoke(String reason, Instant at) {
        if (status == CertificateStatus.REVOKED) {
            return;
        }
        status = CertificateStatus.REVOKED;
        revokedAt = at;
        revocationReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    public static Optional<Certificate> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    public static Optional<Certificate> findByApplication(UUID applicationId) {
        return find("applicationId", applicationId).firstResultOptional();
    }

    public static List<Certificate> listByPerson(UUID personId) {
        return list("personId = ?1 order by issuedOn desc", personId);
    }
}
