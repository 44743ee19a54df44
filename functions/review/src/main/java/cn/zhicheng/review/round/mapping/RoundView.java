package cn.zhicheng.review.round.mapping;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.Objection;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.round.RoundState;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.review.round.service.RoundResults;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A review round as the committee office and the HR bureau see it: results, pass rate, notice and deadlines. */
public record RoundView(UUID id, CommitteeRef committee, int year, RoundState state, LocalDate reviewedOn,
        LocalDate passListDueOn, LocalDate filingDueOn, LocalDate noticeStartsOn, LocalDate noticeEndsOn,
        boolean noticeRunning, RoundResults.SeniorPassRate seniorPassRate, SeniorOverride seniorOverride,
        String returnedReason, Instant passListSubmittedAt, Instant approvedAt, Instant filedAt, Summary summary,
        List<ApplicationEntry> applications, List<ObjectionEntry> objections, List<DeadlineEntry> deadlines,
        long version) {

    /** The committee, by id and name. */
    public record CommitteeRef(UUID id, String name) {
    }

    /** R13: the HR bureau's written reason for a senior pass rate above half. */
    public record SeniorOverride(String reason, String by, Instant at) {
    }

    /** R17: the year's summary report. */
    public record Summary(String content, String by, Instant at) {
    }

    /** An application of the round and its meeting's tally (null until a meeting tallied it). */
    public record ApplicationEntry(UUID id, String applicantName, String maskedIdNumber, String unitName,
            String seriesName, TitleLevel level, String specialty, ApplicationState state, Integer yesVotes,
            Integer noVotes, Integer abstentions) {
    }

    /** R15: an objection raised in the result notice, its answer and the day the answer is due. */
    public record ObjectionEntry(UUID id, UUID applicationId, String applicantName, Instant raisedAt, String raisedBy,
            String contact, String content, Objection.Decision decision, String explanation, Instant decidedAt,
            LocalDate answerDueOn, long version) {
    }

    /** R17: a deadline of the round itself (the year-end dates). */
    public record DeadlineEntry(UUID id, DeadlineKind kind, String rule, LocalDate dueDate, DeadlineState state) {
    }
}
