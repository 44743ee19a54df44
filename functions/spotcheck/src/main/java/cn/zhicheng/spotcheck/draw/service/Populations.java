package cn.zhicheng.spotcheck.draw.service;

import cn.zhicheng.core.application.ApplicationState;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * R18: a spot check's population as it stands now: the accepted applications of a round in one series, not void
 * or revoked. Read as plain columns, one row per application, so 100,000 of them cost no entity overhead.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Populations {

    private static final List<ApplicationState> EXCLUDED = List.of(ApplicationState.VOID, ApplicationState.REVOKED);

    /** One application of the population, with what R10's recusal needs to know about it. */
    public record Member(UUID applicationId, UUID unitId, UUID applicantId) {
    }

    public List<Member> current(UUID roundId, UUID seriesId) {
        return Panache.getEntityManager().createQuery("select a.id, a.unitId, a.applicantId from Application a "
                        + "where a.roundId = ?1 and a.seriesId = ?2 and a.acceptedAt is not null and a.state not in ?3",
                        Object[].class)
                .setParameter(1, roundId).setParameter(2, seriesId).setParameter(3, EXCLUDED)
                .getResultStream()
                .map(row -> new Member((UUID) row[0], (UUID) row[1], (UUID) row[2]))
                .toList();
    }

    /** The population of each series with accepted applications in the round. */
    public Map<UUID, Long> sizesBySeries(UUID roundId) {
        Map<UUID, Long> sizes = new LinkedHashMap<>();
        Panache.getEntityManager().createQuery("select a.seriesId, count(a) from Application a where a.roundId = ?1 "
                        + "and a.acceptedAt is not null and a.state not in ?2 group by a.seriesId", Object[].class)
                .setParameter(1, roundId).setParameter(2, EXCLUDED)
                .getResultList()
                .forEach(row -> sizes.put((UUID) row[0], ((Number) row[1]).longValue()));
        return sizes;
    }
}
