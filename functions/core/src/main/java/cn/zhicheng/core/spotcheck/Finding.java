package cn.zhicheng.core.spotcheck;

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

/** One inspector's finding on one evidence item of a sampled application (R18). */
@Entity
@Table(name = "spot_check_finding")
public class Finding extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "draw_id", nullable = false)
    public UUID drawId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "expert_id", nullable = false)
    public UUID expertId;

    @Column(name = "evidence_item_id", nullable = false)
    public UUID evidenceItemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingResult result;

    public String note;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public static List<Finding> listBySample(UUID drawId, UUID applicationId) {
        return list("drawId = ?1 and applicationId = ?2 order by recordedAt", drawId, applicationId);
    }
}
