package cn.zhicheng.core.expert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** R10: a conflict of interest an expert declared, with a unit or with a person; it recuses them from draws. */
@Entity
@Table(name = "expert_conflict")
public class ExpertConflict extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "expert_id", nullable = false)
    public UUID expertId;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "person_id")
    public UUID personId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    public static List<ExpertConflict> listByExpert(UUID expertId) {
        return list("expertId = ?1 order by declaredAt", expertId);
    }
}
