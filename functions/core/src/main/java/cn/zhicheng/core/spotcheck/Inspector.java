package cn.zhicheng.core.spotcheck;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An expert drawn to check one sampled application (R19), in draw order. */
@Entity
@Table(name = "spot_check_inspector")
@IdClass(InspectorKey.class)
public class Inspector extends PanacheEntityBase {

    @Id
    @Column(name = "draw_id")
    public UUID drawId;

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Id
    @Column(name = "expert_id")
    public UUID expertId;

    @Column(name = "draw_rank", nullable = false)
    public int drawRank;

    public static List<Inspector> listByDraw(UUID drawId) {
        return list("drawId = ?1 order by applicationId, drawRank", drawId);
    }

    public static List<Inspector> listByExpert(UUID expertId) {
        return list("expertId", expertId);
    }

    public static Optional<Inspector> findFor(UUID drawId, UUID applicationId, UUID expertId) {
        return Inspector.<Inspector>findByIdOptional(new InspectorKey(drawId, applicationId, expertId));
    }
}
