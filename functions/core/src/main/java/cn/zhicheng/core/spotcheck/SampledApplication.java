package cn.zhicheng.core.spotcheck;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An application drawn for checking (R18), in draw order, with the office's conclusion once reached. */
@Entity
@Table(name = "spot_check_sample")
@IdClass(SampleKey.class)
public class SampledApplication extends PanacheEntityBase {

    @Id
    @Column(name = "draw_id")
    public UUID drawId;

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "draw_rank", nullable = false)
    public int drawRank;

    @Enumerated(EnumType.STRING)
    public SampleOutcome outcome;

    @Column(name = "outcome_note")
    public String outcomeNote;

    @Column(name = "concluded_by")
    public UUID concludedBy;

    @Column(name = "concluded_at")
    public Instant concludedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public static List<SampledApplication> listByDraw(UUID drawId) {
        return list("drawId = ?1 order by drawRank", drawId);
    }
}
