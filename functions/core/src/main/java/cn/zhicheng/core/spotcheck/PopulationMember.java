package cn.zhicheng.core.spotcheck;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** One application of a draw's population as frozen at commitment (R19); bulk-written, read as ids. */
@Entity
@Table(name = "spot_check_population")
@IdClass(SampleKey.class)
public class PopulationMember extends PanacheEntityBase {

    @Id
    @Column(name = "draw_id")
    public UUID drawId;

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    /** R19: the frozen population's ids, for the public record and its verification. */
    public static List<UUID> listIds(UUID drawId) {
        return getEntityManager().createQuery("select p.applicationId from PopulationMember p where p.drawId = ?1",
                UUID.class).setParameter(1, drawId).getResultList();
    }
}
