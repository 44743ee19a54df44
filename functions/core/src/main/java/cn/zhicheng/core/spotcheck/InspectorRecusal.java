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

/** A candidate who may not check one sampled application: same unit as the applicant or a declared conflict. */
@Entity
@Table(name = "spot_check_recusal")
@IdClass(InspectorKey.class)
public class InspectorRecusal extends PanacheEntityBase {

    @Id
    @Column(name = "draw_id")
    public UUID drawId;

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Id
    @Column(name = "expert_id")
    public UUID expertId;

    @Column(nullable = false)
    public String reason;

    public static List<InspectorRecusal> listByDraw(UUID drawId) {
        return list("drawId", drawId);
    }

    public static Optional<InspectorRecusal> findFor(UUID drawId, UUID applicationId, UUID expertId) {
        return InspectorRecusal.<InspectorRecusal>findByIdOptional(new InspectorKey(drawId, applicationId, expertId));
    }
}
