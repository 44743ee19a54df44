package cn.zhicheng.core.unit;

import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
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

    /**
     * The city HR bureau that decides this unit's catalogue filings and e-seal (R22, R24): the nearest HR bureau
     * above it, else the HR bureau of its city (region).
     */
    public Optional<Unit> cityHrBureau() {
        for (UUID parent = parentId; parent != null; ) {
            Unit above = findById(parent);
            if (above == null) {
                break;
            }
            if (above.kind == UnitKind.HR_BUREAU) {
                return Optional.of(above);
            }
            parent = above.parentId;
        }
        return region == null ? Optional.empty()
                : find("kind = ?1 and region = ?2 order by code", UnitKind.HR_BUREAU, region).firstResultOptional();
    }

    /**
     * The actor's own unit, which must be self-evaluating (自主评聘单位) to file series, register an e-seal or record
     * appointments (R22, R24, R25); locked when the caller is about to change what hangs on it.
     */
    public static Unit selfEvaluatingOf(Actor actor, boolean lock) {
        Unit unit = actor.unitId() == null ? null
                : lock ? findById(actor.unitId(), LockModeType.PESSIMISTIC_WRITE) : findById(actor.unitId());
        if (unit == null || !unit.selfEvaluating) {
            throw Problem.of(403, "NOT_SELF_EVALUATING", "Not a self-evaluating unit", "Only a self-evaluating unit "
                    + "(自主评聘单位) files series, registers a title e-seal and records appointments (R22, R24, R25).");
        }
        return unit;
    }
}
