package cn.zhicheng.core.integrity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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

    @Column(nullable = false)
    public String kind;

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

    /** The ban that runs longest among those still in force on the day, if any. */
    public static Optional<IntegrityRecord> activeBan(UUID personId, LocalDate today) {
        return find("personId = ?1 and banEndsOn > ?2 order by banEndsOn desc", personId, today)
                .firstResultOptional();
    }
}
