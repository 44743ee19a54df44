package cn.zhicheng.core.spotcheck;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** An expert of the committee's pool considered as an inspector by a draw (R19). */
@Entity
@Table(name = "spot_check_candidate")
@IdClass(CandidateKey.class)
public class InspectorCandidate extends PanacheEntityBase {

    @Id
    @Column(name = "draw_id")
    public UUID drawId;

    @Id
    @Column(name = "expert_id")
    public UUID expertId;

    public static List<InspectorCandidate> listByDraw(UUID drawId) {
        return list("drawId", drawId);
    }
}
