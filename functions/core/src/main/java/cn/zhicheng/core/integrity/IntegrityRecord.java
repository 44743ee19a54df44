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
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** An entry of the integrity record (诚信档案, R20, R21, R31); a ban end date bars new applications until then. */
@Entity
@Table(name = "integrity_record")
public class IntegrityRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "unit_id")
    public UUID unitId;

    /** The person's name as recorded, for a person without an account (R21's responsible professional). */
    @Column(name = "person_name")
    public String personName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IntegrityKind kind;

    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "certificate_id")
    public UUID certificateId;

    @Column(name = "spot_check_draw_id")
    public UUID spotCheckDrawId;

    @Column(name = "report_id")
    public UUID reportId;

    @Column(nullable = false)
    public String summary;

    @Column(name = "confirmed_on", nullable = false)
    public LocalDate confirmedOn;

    /** R20: the person may not apply before this day. */
    @Column(name = "ban_ends_on")
    public LocalDate banEndsOn;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A record is never deleted; a rescinded one (after review or appeal) no longer bars anyone. */
    @Column(name = "rescinded_at")
    public Instant rescindedAt;

    @Column(name = "rescinded_by")
    public UUID rescindedBy;

    @Column(name = "rescission_reason")
    public String rescissionReason;

    @Version
    @Column(nullable = false)
    public long version;

    /** The ban that runs longest among those still in force on the day and not rescinded, if any (R20, R21). */
    public static Optional<IntegrityRecord> activeBan(UUID personId, LocalDate today) {
        return find("personId = ?1 and banEndsOn > ?2 and rescindedAt is null order by banEndsOn desc", personId, today)
                .firstResultOptional();
    }
}
