package cn.zhicheng.core.unit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An employer unit, agency, HR bureau or department. */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitKind kind;

    @Column(name = "parent_id")
    public UUID parentId;

    public String region;

    @Column(name = "self_evaluating", nullable = false)
    public boolean selfEvaluating;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Unit> listByKind(UnitKind kind) {
        return list("kind = ?1 order by code", kind);
    }

    public static Optional<Unit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
