package cn.zhicheng.review.meeting.mapping;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.meeting.MeetingState;
import cn.zhicheng.core.series.TitleLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A meeting as its committee office and HR bureau see it. Vote counts only: which expert chose what is never in
 * any view (R12).
 */
public record MeetingView(UUID id, CommitteeRef committee, UUID roundId, LocalDate meetingDate, String venue,
        String workPlan, MeetingState state, int expertCount, int quorum, Instant requestedAt, Instant decidedAt,
        String decisionNote, LocalDate latestApplicationDay, List<AgendaItem> agenda, List<ExpertSeat> experts,
        Draw draw, Integer attending, List<String> actions, long version) {

    /** The committee the meeting belongs to. */
    public record CommitteeRef(UUID id, String name, int memberCount) {
    }

    /** An application on the agenda; counts while voting, the tally and outcome after the close. */
    public record AgendaItem(UUID applicationId, String applicantName, String unitName, TitleLevel level,
            String specialty, ApplicationState state, Integer votesCast, Integer yesVotes, Integer noVotes,
            Integer abstentions, String outcome) {
    }

    /** A drawn expert, in draw order, and whether they attended (null until recorded). */
    public record ExpertSeat(UUID expertId, String name, String unitName, int drawRank, Boolean attended) {
    }

    /** R10: the draw's record: seed, inputs' hash and every candidate with their recusal reason. */
    public record Draw(String seed, String inputsHash, Instant drawnAt, List<Candidate> candidates) {
    }

    /** A pool member the draw considered. */
    public record Candidate(UUID expertId, String name, String unitName, String recusedReason) {
    }
}
