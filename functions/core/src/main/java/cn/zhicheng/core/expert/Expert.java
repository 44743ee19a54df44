package cn.zhicheng.core.expert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A review expert (评审专家); R10 recuses by employer unit, so the unit is always known. */
@Entity
@Table(name = "expert")
public class Expert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String specialty;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    /** The expert's sign-in, if they have one. */
    @Column(name = "account_id", unique = true)
    public UUID accountId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Expert> listOrdered() {
        return list("order by name, id");
    }

    public static Optional<Expert> findByAccount(UUID accountId) {
        return find("accountId", accountId).firstResultOptional();
    }
}
