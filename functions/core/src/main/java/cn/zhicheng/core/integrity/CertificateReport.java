package cn.zhicheng.core.integrity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A verifier's report of a suspected forged, altered or misused certificate, and the staff's decision (R31). */
@Entity
@Table(name = "certificate_report")
public class CertificateReport extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Short reference the reporter can quote; not guessable from the id. */
    @Column(nullable = false, unique = true)
    public String reference;

    @Column(name = "certificate_number")
    public String certificateNumber;

    /** The scanned payload, if the reporter had one; never required. */
    public String payload;

    @Column(nullable = false)
    public String reason;

    public String contact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportState state;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<CertificateReport> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }
}
