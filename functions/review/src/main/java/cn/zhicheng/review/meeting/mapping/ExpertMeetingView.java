package cn.zhicheng.review.meeting.mapping;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.meeting.MeetingState;
import cn.zhicheng.core.meeting.Vote;
import cn.zhicheng.core.series.TitleLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A meeting as one drawn expert sees it: the agenda and only their own votes, never another's (R12). */
public record ExpertMeetingView(UUID id, MeetingView.CommitteeRef committee, LocalDate meetingDate, String venue,
        String workPlan, MeetingState state, int drawRank, Boolean attended, boolean canVote, List<Item> agenda) {

    /** An application to review; the ID number masked. The outcome appears once the meeting is closed. */
    public record Item(UUID applicationId, String applicantName, String idNumber, String unitName, TitleLevel level,
            String specialty, ApplicationState state, Vote.Choice myVote, String outcome) {
    }
}
