package cn.zhicheng.spotcheck.draw.service;

import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.spotcheck.SpotCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Who sees which round and draw: a committee's office its own committee's, the HR bureau every committee it is
 * over. Anything else is a 404 (decision 0005), so ids of other committees' draws reveal nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SpotCheckAccess {

    /** The committees whose draws the actor follows. */
    public List<UUID> committees(Actor actor) {
        if (actor.role() == null) {
            return List.of();
        }
        return switch (actor.role()) {
            case COMMITTEE_OFFICE -> actor.committeeId() == null ? List.of() : List.of(actor.committeeId());
            case HR_BUREAU -> actor.unitId() == null ? List.of()
                    : Committee.<Committee>list("hrBureauId", actor.unitId()).stream().map(c -> c.id).toList();
            default -> List.of();
        };
    }

    public boolean canSee(UUID committeeId, Actor actor) {
        if (actor.role() == null) {
            return false;
        }
        return switch (actor.role()) {
            case COMMITTEE_OFFICE -> committeeId.equals(actor.committeeId());
            case HR_BUREAU -> actor.unitId() != null
                    && actor.unitId().equals(Committee.<Committee>findById(committeeId).hrBureauId);
            default -> false;
        };
    }

    public ReviewRound round(UUID roundId, Actor actor, LockModeType lock) {
        ReviewRound round = roundId == null ? null : ReviewRound.findById(roundId, lock);
        if (round == null || !canSee(round.committeeId, actor)) {
            throw Problem.notFound("ROUND_NOT_FOUND", "No review round " + roundId + " is visible to you.");
        }
        return round;
    }

    public SpotCheck draw(UUID id, Actor actor, LockModeType lock) {
        SpotCheck draw = SpotCheck.findById(id, lock);
        if (draw == null || !canSee(draw.committeeId, actor)) {
            throw notFound(id);
        }
        return draw;
    }

    public static Problem notFound(UUID id) {
        return Problem.notFound("SPOT_CHECK_NOT_FOUND", "No spot-check draw " + id + " is visible to you.");
    }
}
