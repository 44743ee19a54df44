package cn.zhicheng.core.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A committee's review meeting (评审会议): its date, agenda, drawn experts and the record of its draw. */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {

    /** States in which a meeting no longer holds its agenda. */
    public static final List<MeetingState> FINISHED = List.of(MeetingState.REJECTED, MeetingState.NOT_QUORATE,
            MeetingState.CLOSED);

    @Id
    public UUID id;

    @Column(name = "committee_id", nullable = false)
    public UUID committeeId;

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(name = "meeting_date", nullable = false)
    public LocalDate meetingDate;

    @Column(nullable = false)
    public String venue;

    /** R11: the work plan that reaches the HR bureau with the application. */
    @Column(name = "work_plan")
    public String workPlan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeetingState state;

    @Column(name = "requested_by")
    public UUID requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** The HR bureau's approval or rejection. */
    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    /** R10, R12: how many experts are drawn; the committee's member count. */
    @Column(name = "expert_count", nullable = false)
    public int expertCount;

    /** R10: the draw's random seed (hex), recorded so anyone authorised can re-run it. */
    @Column(name = "draw_seed")
    public String drawSeed;

    /** SHA-256 of the draw's ordered inputs (candidates and recusals). */
    @Column(name = "draw_inputs_hash")
    public String drawInputsHash;

    @Column(name = "drawn_by")
    public UUID drawnBy;

    @Column(name = "drawn_at")
    public Instant drawnAt;

    @Column(name = "voting_opened_at")
    public Instant votingOpenedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** R12: experts present, recorded when voting opens. */
    public Integer attending;

    @Version
    @Column(nullable = false)
    public long version;

    public static List<Meeting> listByCommittee(UUID committeeId) {
        return list("committeeId = ?1 order by meetingDate desc", committeeId);
    }

    public static List<Meeting> listByCommittees(List<UUID> committeeIds) {
        if (committeeIds.isEmpty()) {
            return List.of();
        }
        return list("committeeId in ?1 order by meetingDate desc, requestedAt desc", committeeIds);
    }

    /** The meetings an expert was drawn for (R10), latest first. */
    public static List<Meeting> listForExpert(UUID expertId) {
        return list("id in (select e.meetingId from MeetingExpert e where e.expertId = ?1) order by meetingDate desc",
                expertId);
    }

    /**
     * The meeting whose agenda holds the application and that may still decide it: anything but rejected, not
     * quorate or closed (R12: a meeting without a quorum leaves its agenda free for another meeting).
     */
    public static Optional<Meeting> liveMeetingOf(UUID applicationId) {
        return find("id in (select a.meetingId from MeetingApplication a where a.applicationId = ?1)"
                + " and state not in ?2", applicationId, FINISHED).firstResultOptional();
    }
}
