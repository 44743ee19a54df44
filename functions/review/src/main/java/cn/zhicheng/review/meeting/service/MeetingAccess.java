package cn.zhicheng.review.meeting.service;

import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.meeting.Meeting;
import cn.zhicheng.core.meeting.MeetingExpert;
import cn.zhicheng.core.meeting.MeetingState;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Committee;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who sees which meeting: the committee's office, the HR bureau over the committee, and (for the draw's
 * re-check) the experts drawn for it. Anything else is a 404, so meeting ids reveal nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MeetingAccess {

    /** The meetings the actor follows: the office's own committee, or every committee of the HR bureau. */
    public List<Meeting> list(Actor actor) {
        if (actor.is(Role.COMMITTEE_OFFICE)) {
            return actor.committeeId() == null ? List.of() : Meeting.listByCommittees(List.of(actor.committeeId()));
        }
        if (actor.is(Role.HR_BUREAU) && actor.unitId() != null) {
            return Meeting.listByCommittees(Committee.<Committee>list("hrBureauId", actor.unitId()).stream()
                    .map(c -> c.id).toList());
        }
        return List.of();
    }

    /** Whether the meeting's date lies in [from, to]; an open end is no limit. */
    static boolean between(Meeting meeting, LocalDate from, LocalDate to) {
        return (from == null || !meeting.meetingDate.isBefore(from))
                && (to == null || !meeting.meetingDate.isAfter(to));
    }

    public Meeting require(UUID id, Actor actor) {
        return require(id, actor, LockModeType.NONE);
    }

    /**
     * The meeting, locked for the step about to change it, if the actor may see it. Steps lock the row first, so
     * two steps on one meeting run one after the other and the second sees what the first did.
     */
    public Meeting require(UUID id, Actor actor, LockModeType lock) {
        Meeting meeting = Meeting.findById(id, lock);
        if (meeting == null || !canSee(meeting, actor)) {
            throw notFound(id);
        }
        return meeting;
    }

    /** The meeting for a step of the actor's role: the office's own committee, or the bureau over it. */
    public Meeting requireFor(UUID id, Actor actor, Role role) {
        if (!actor.is(role)) {
            throw notFound(id);
        }
        return require(id, actor, LockModeType.PESSIMISTIC_WRITE);
    }

    boolean canSee(Meeting meeting, Actor actor) {
        if (actor.role() == null) {
            return false;
        }
        return switch (actor.role()) {
            case COMMITTEE_OFFICE -> meeting.committeeId.equals(actor.committeeId());
            case HR_BUREAU -> actor.unitId() != null
                    && actor.unitId().equals(Committee.<Committee>findById(meeting.committeeId).hrBureauId);
            case EXPERT -> Expert.findByAccount(actor.accountId())
                    .flatMap(expert -> MeetingExpert.findFor(meeting.id, expert.id)).isPresent();
            default -> false;
        };
    }

    public static Problem notFound(UUID id) {
        return Problem.notFound("MEETING_NOT_FOUND", "No meeting " + id + " is visible to you.");
    }

    /** The step needs the meeting in one state. */
    static void requireState(Meeting meeting, MeetingState expected, String step) {
        if (meeting.state != expected) {
            throw Problem.conflict("ILLEGAL_MEETING_STATE", "Not possible in this state",
                    "A meeting that is " + meeting.state + " cannot be " + step + "; it must be " + expected + ".")
                    .with("state", meeting.state);
        }
    }

    /** The client's copy must be current: a stale version means someone else changed the meeting first. */
    static void requireVersion(Meeting meeting, Long expected) {
        Problem.requireVersion("meeting", expected, meeting.version);
    }
}
