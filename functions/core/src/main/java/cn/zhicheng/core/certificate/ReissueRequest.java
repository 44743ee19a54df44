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
import java.util.UUID;

/** R29: a holder's request that the original issuer (谁发证，向谁申请) reissue a lost or damaged certificate. */
@Entity
@Table(name = "certificate_reissue_request")
public class ReissueRequest extends PanacheEntityBase {

    /** PENDING until the issuer reissues (DONE) or refuses (REFUSED). */
    public enum State { PENDING, DONE, REFUSED }

    @Id
    public UUID id;

    @Column(name = "certificate_id", nullable = false)
    public UUID certificateId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    /** The certificate's original issuer, the only one who may decide (R29). */
    @Column(name = "issuer_id", nullable = false)
    public UUID issuerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReissueReason reason;

    @Column
    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "new_certificate_id")
    public UUID newCertificateId;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<ReissueRequest> listByIssuer(UUID issuerId, State state) {
        return state == null ? list("issuerId = ?1 order by createdAt desc", issuerId)
                : list("issuerId = ?1 and state = ?2 order by createdAt desc", issuerId, state);
    }

    public static List<ReissueRequest> listByPerson(UUID personId, State state) {
        return state == null ? list("personId = ?1 order by createdAt desc", personId)
                : list("personId = ?1 and state = ?2 order by createdAt desc", personId, state);
    }

    public static boolean pendingFor(UUID certificateId) {
        return count("certificateId = ?1 and state = ?2", certificateId, State.PENDING) > 0;
    }
}
