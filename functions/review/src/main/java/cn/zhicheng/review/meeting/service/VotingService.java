package cn.zhicheng.review.meeting.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.meeting.Meeting;
import cn.zhicheng.core.meeting.MeetingApplication;
import cn.zhicheng.core.meeting.MeetingExpert;
import cn.zhicheng.core.meeting.MeetingState;
import cn.zhicheng.core.meeting.Vote;
import cn.zhicheng.core.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** R12: what a drawn expert sees of their meetings, and their one secret vote per application. */
@ApplicationScoped
@Transactional
public class VotingService {

    /** SQL state of a unique or primary key violation, in PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final AuditTrail audit;
    private final Clock clock;

    public VotingService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** A meeting as one drawn expert sees it: their seat and only their own votes. */
    public record Seat(Meeting meeting, MeetingExpert seat, List<Vote> myVotes) {
    }

    /** The meetings the signed-in expert was drawn for (R10), latest first. */
    public List<Seat> list(Actor actor, LocalDate from, LocalDate to) {
        return Expert.findByAccount(actor.accountId())
                .map(expert -> Meeting.listForExpert(expert.id).stream()
                        .filter(m -> MeetingAccess.between(m, from, to)).map(m -> seat(m, expert)).toList())
                .orElse(List.of());
    }

    public Seat get(Actor actor, UUID meetingId) {
        Expert expert = Expert.findByAccount(actor.accountId()).orElseThrow(() -> MeetingAccess.notFound(meetingId));
        Meeting meeting = Meeting.findById(meetingId);
        if (meeting == null) {
            throw MeetingAccess.notFound(meetingId);
        }
        return seat(meeting, expert);
    }

    private static Seat seat(Meeting meeting, Expert expert) {
        MeetingExpert seat = MeetingExpert.findFor(meeting.id, expert.id)
                .orElseThrow(() -> MeetingAccess.notFound(meeting.id));
        return new Seat(meeting, seat, Vote.listByExpert(meeting.id, expert.id));
    }

    /**
     * R12: an attending expert's vote on an application under review, while voting is open; once only. The meeting
     * row is share-locked, so experts vote side by side while closing (which locks it exclusively) waits for them.
     * Two copies of one vote sent at once meet at the vote's primary key: the database lets one in and the other
     * gets 409 ALREADY_VOTED.
     */
    public Vote vote(Actor actor, UUID meetingId, UUID applicationId, Vote.Choice choice) {
        Expert expert = Expert.findByAccount(actor.accountId()).orElseThrow(() -> MeetingAccess.notFound(meetingId));
        Meeting meeting = Meeting.findById(meetingId, LockModeType.PESSIMISTIC_READ);
        if (meeting == null) {
            throw MeetingAccess.notFound(meetingId);
        }
        MeetingExpert seat = MeetingExpert.findFor(meeting.id, expert.id)
                .orElseThrow(() -> MeetingAccess.notFound(meetingId));
        if (meeting.state != MeetingState.VOTING) {
            throw Problem.conflict("VOTING_NOT_OPEN", "Voting is not open",
                    "Votes are cast while the meeting is VOTING; it is " + meeting.state + ".")
                    .with("state", meeting.state);
        }
        if (!Boolean.TRUE.equals(seat.attended)) {
            throw Problem.rule("R12", 403, "NOT_ATTENDING", "Not attending",
                    "Only experts recorded as attending the meeting vote.");
        }
        MeetingApplication item = MeetingApplication.findFor(meeting.id, applicationId)
                .orElseThrow(() -> Problem.notFound("NOT_ON_AGENDA",
                        "Application " + applicationId + " is not on this meeting's agenda."));
        if (Application.<Application>findById(item.applicationId).state() != ApplicationState.UNDER_REVIEW) {
            throw Problem.conflict("NOT_UNDER_REVIEW", "Not under review",
                    "Application " + applicationId + " is no longer under review.");
        }
        if (Vote.exists(meeting.id, applicationId, expert.id)) {
            throw alreadyVoted();
        }
        Vote vote = new Vote();
        vote.meetingId = meeting.id;
        vote.applicationId = applicationId;
        vote.expertId = expert.id;
        vote.choice = choice;
        vote.castAt = clock.instant();
        try {
            vote.persistAndFlush();
        } catch (PersistenceException e) {
            if (uniqueViolation(e)) {
                throw alreadyVoted();
            }
            throw e;
        }
        // the trail records that the expert voted, never how (R12)
        audit.record(actor, new AuditTrail.Change("VOTE_CAST", MeetingService.SUBJECT, meeting.id, null, null,
                "application " + applicationId));
        return vote;
    }

    private static Problem alreadyVoted() {
        return Problem.conflict("ALREADY_VOTED", "Already voted",
                "You have voted on this application at this meeting; a vote is cast once.");
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
