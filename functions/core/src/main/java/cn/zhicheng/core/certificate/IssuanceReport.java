package cn.zhicheng.core.certificate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.NaturalId;

/** R29: an issuer's report of the certificates it issued in one year, due by the end of the next January. */
@Entity
@Table(name = "issuance_report")
public class IssuanceReport extends PanacheEntityBase {

    /** Open while the year runs and until the issuer submits it. */
    public enum State {
        OPEN,
        SUBMITTED
    }

    @Id
    public UUID id;

    @NaturalId
    @Column(name = "issuer_id", nullable = false)
    public UUID issuerId;

    @NaturalId
    @Column(name = "report_year", nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** How many certificates the submitted report listed; null while open (the live count is shown instead). */
    @Column(name = "certificate_count")
    public Integer certificateCount;

    @Column(name = "submitted_by")
    public UUID submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * By its natural key, which the session remembers once it has read or made the report: each certificate of a
     * batch asks for its issuer's report (a listener of {@link CertificateIssued}), and only the first goes to the
     * database.
     */
    public static Optional<IssuanceReport> findFor(UUID issuerId, int year) {
        return getSession().byNaturalId(IssuanceReport.class).using("issuerId", issuerId).using("year", year)
                .loadOptional();
    }

    public static List<IssuanceReport> listByIssuer(UUID issuerId) {
        return list("issuerId = ?1 order by year desc", issuerId);
    }
}
