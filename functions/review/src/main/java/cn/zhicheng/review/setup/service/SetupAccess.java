package cn.zhicheng.review.setup.service;

import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Committee;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Whose committees are whose: the HR bureau manages the committees organised under it, a committee office reads
 * its own. Any other committee is answered as not found, so ids reveal nothing.
 */
@ApplicationScoped
public class SetupAccess {

    /** The committees the actor may read: all of its bureau's, or the office's own. */
    public List<Committee> readable(Actor actor) {
        if (actor.is(Role.HR_BUREAU) && actor.unitId() != null) {
            return Committee.list("hrBureauId = ?1 order by code", actor.unitId());
        }
        if (actor.is(Role.COMMITTEE_OFFICE) && actor.committeeId() != null) {
            Committee own = Committee.findById(actor.committeeId());
            return own == null ? List.of() : List.of(own);
        }
        return List.of();
    }

    /** A committee the actor may read; otherwise 404 COMMITTEE_NOT_FOUND. */
    public Committee readable(Actor actor, UUID committeeId) {
        Committee committee = Committee.findById(committeeId);
        if (committee == null || !(manages(actor, committee)
                || (actor.is(Role.COMMITTEE_OFFICE) && committee.id.equals(actor.committeeId())))) {
            throw notFound(committeeId);
        }
        return committee;
    }

    /** A committee of the actor's HR bureau; otherwise 404 COMMITTEE_NOT_FOUND. */
    public Committee managed(Actor actor, UUID committeeId) {
        Committee committee = Committee.findById(committeeId);
        if (committee == null || !manages(actor, committee)) {
            throw notFound(committeeId);
        }
        return committee;
    }

    /**
     * A committee of the actor's HR bureau, its row locked for the rest of the transaction, so that checks across
     * its rows (overlapping windows, a pool being copied) are not raced by a concurrent change.
     */
    public Committee lockedForChange(Actor actor, UUID committeeId) {
        // Locks the committee's own row only. A locking find would also lock its eager levels collection through
        // Hibernate's follow-on locking, which failed with a NullPointerException on H2 under API fuzzing.
        Committee.getEntityManager().createNativeQuery("select id from committee where id = ?1 for update")
                .setParameter(1, committeeId).getResultList();
        Committee committee = Committee.findById(committeeId);
        if (committee == null || !manages(actor, committee)) {
            throw notFound(committeeId);
        }
        return committee;
    }

    /** Whether the actor is the HR bureau the committee is organised under. */
    public static boolean manages(Actor actor, Committee committee) {
        return actor.is(Role.HR_BUREAU) && actor.unitId() != null && actor.unitId().equals(committee.hrBureauId);
    }

    /** The client's copy must be current: a stale version means someone else changed the record first. */
    public static void requireVersion(String what, long current, Long expected) {
        // set-up edits always carry the version they were made on; a missing one is as stale as a wrong one
        Problem.requireVersion(what, expected == null ? Long.valueOf(-1) : expected, current);
    }

    public static Problem notFound(UUID committeeId) {
        return Problem.notFound("COMMITTEE_NOT_FOUND", "No committee " + committeeId + " is visible to you.");
    }
}
