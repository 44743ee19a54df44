package cn.zhicheng.core.application;

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

/** An objection (异议) raised in the unit publicity (R7) or the result notice (R15), and its decision. */
@Entity
@Table(name = "objection")
public class Objection extends PanacheEntityBase {

    /** The period it was raised in. */
    public enum Stage { UNIT_PUBLICITY, RESULT_NOTICE }

    /** UPHELD stops the application; DISMISSED lets it go on. */
    public enum Decision { UPHELD, DISMISSED }

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stage stage;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(name = "raised_by", nullable = false)
    public String raisedBy;

    public String contact;

    @Column(nullable = false)
    public String content;

    /** The staff member who recorded it, or null when raised by the public through the notice page. */
    @Column(name = "recorded_by")
    public UUID recordedBy;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public String explanation;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Version
    @Column(nullable = false)
    public long version;

    public boolean isOpen() {
        return decision == null;
    }

    public static List<Objection> listFor(UUID applicationId, Stage stage) {
        return list("applicationId = ?1 and stage = ?2 order by raisedAt", applicationId, stage);
    }

    /** Undecided objections of the stage raised since {@code since}: a re-reviewed application starts afresh. */
    public static long countOpen(UUID applicationId, Stage stage, Instant since) {
        return count("applicationId = ?1 and stage = ?2 and decision is null and raisedAt >= ?3", applicationId,
                stage, since);
    }

    public static long countUpheld(UUID applicationId, Stage stage, Instant since) {
        return count("applicationId = ?1 and stage = ?2 and decision = ?3 and raisedAt >= ?4", applicationId, stage,
                Decision.UPHELD, since);
    }
}
