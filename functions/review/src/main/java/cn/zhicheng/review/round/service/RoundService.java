package cn.zhicheng.review.round.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.application.Objection;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.calendar.CalendarService;
import cn.zhicheng.core.calendar.WorkingDayCalendar;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.round.ReviewRounds;
import cn.zhicheng.core.round.RoundState;
import cn.zhicheng.core.series.Committee;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A committee's review round after its meetings: the pass list (R14) under the senior cap (R13), the HR bureau's
 * approval, the result notice and its objections (R15), the approval filing (R16) and the year's summary (R17).
 */
@ApplicationScoped
@Transactional
public class RoundService {

    /** R13: a written reason, not a tick. */
    static final int MIN_OVERRIDE_REASON = 10;

    private final ApplicationStateMachine stateMachine;
    private final DeadlineService deadlines;
    private final CalendarService calendars;
    private final AuditTrail audit;
    private final Clock clock;

    public RoundService(ApplicationStateMachine stateMachine, DeadlineService deadlines, CalendarService calendars,
            AuditTrail audit, Clock clock) {
        this.stateMachine = stateMachine;
        this.deadlines = deadlines;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
    }

    /** The office's own committee's rounds; the HR bureau's, of all its committees. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewRound> list(Actor actor) {
        if (actor.is(Role.HR_BUREAU)) {
            List<UUID> committees = Committee.<Committee>list("hrBureauId", actor.unitId()).stream()
                    .map(c -> c.id).toList();
            return ReviewRound.listByCommittees(committees);
        }
        return actor.committeeId() == null ? List.of() : ReviewRound.listByCommittees(List.of(actor.committeeId()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewRound get(Actor actor, UUID id) {
        ReviewRound round = ReviewRound.findById(id);
        if (round == null || !canSee(round, actor)) {
            throw notFound(id);
        }
        return round;
    }

    /** The round's applications, in the order they were created. */
    public static List<Application> applicationsOf(ReviewRound round) {
        return Application.list("roundId = ?1 order by createdAt, id", round.id);
    }

    /**
     * R14: the office reports the pass list once every application of the round is decided; R13: above half of
     * the senior decisions passing, only after the HR bureau overrode the cap with a written reason. A late list
     * is still taken: its deadline shows the lateness.
     */
    public ReviewRound submitPassList(Actor actor, UUID id, long version) {
        ReviewRound round = current(actor, id, version);
        requireState(round, RoundState.OPEN, "submit the pass list");
        List<Application> applications = applicationsOf(round);
        List<Application> undecided = applications.stream().filter(RoundResults::undecided).toList();
        if (!undecided.isEmpty()) {
            throw Problem.rule("R14", 422, "UNDECIDED_APPLICATIONS", "Applications still undecided",
                    undecided.size() + " application(s) of the round have no result yet; the pass list is submitted "
                            + "once every application on the round's agenda has been decided by a meeting.")
                    .with("applications", undecided.stream().map(RoundService::brief).toList());
        }
        List<Application> decided = applications.stream().filter(RoundResults::decided).toList();
        if (decided.isEmpty()) {
            throw Problem.rule("R14", 422, "NOTHING_DECIDED", "Nothing decided",
                    "No application of this round has been decided yet; hold and close a meeting first.");
        }
        Committee committee = Committee.findById(round.committeeId);
        RoundResults.SeniorPassRate rate = RoundResults.seniorPassRate(committee, applications);
        if (rate != null && rate.capExceeded() && round.seniorOverrideReason == null) {
            throw Problem.rule("R13", 422, "SENIOR_PASS_RATE_EXCEEDED", "Senior pass rate above 50%",
                    rate.passed() + " of " + rate.decided() + " senior applications passed, more than half. The pass "
                            + "list can be submitted once the HR bureau overrides the cap with a written reason, "
                            + "or after the results are reconsidered.")
                    .with("rate", rate.rate()).with("passed", rate.passed()).with("decided", rate.decided());
        }
        round.state = RoundState.PASS_LIST_SUBMITTED;
        round.passListSubmittedAt = clock.instant();
        round.passListSubmittedBy = actor.accountId();
        round.returnedReason = null;
        for (Application application : decided) {
            deadlines.meet(DeadlineKind.PASS_LIST, application.id);
        }
        // R17: the year's review is finished when its results go to the HR bureau
        deadlines.meet(DeadlineKind.INTERMEDIATE_FINISH, round.id);
        deadlines.meet(DeadlineKind.JUNIOR_FINISH, round.id);
        long passed = decided.stream().filter(RoundResults::passed).count();
        record(actor, round, "ROUND_PASS_LIST_SUBMIT", RoundState.OPEN,
                passed + " passed of " + decided.size() + " decided" + lateness(round));
        return flushed(round);
    }

    /** R13: the HR bureau allows a senior pass rate above half, with a written reason; audited. */
    public ReviewRound overrideSeniorCap(Actor actor, UUID id, String reason, long version) {
        ReviewRound round = current(actor, id, version);
        if (round.state != RoundState.OPEN && round.state != RoundState.PASS_LIST_SUBMITTED) {
            throw illegalStep(round, "override the senior cap");
        }
        String written = reason == null ? "" : reason.strip();
        if (written.codePointCount(0, written.length()) < MIN_OVERRIDE_REASON) {
            throw Problem.validation(List.of(new Problem.FieldError("reason",
                    "must state the reason in at least " + MIN_OVERRIDE_REASON + " characters")));
        }
        if (round.seniorOverrideReason != null) {
            throw Problem.conflict("SENIOR_OVERRIDE_EXISTS", "Already overridden",
                    "The HR bureau already overrode the senior cap for this round; the reason stays on record.");
        }
        RoundResults.SeniorPassRate rate = RoundResults.seniorPassRate(Committee.findById(round.committeeId),
                applicationsOf(round));
        if (rate == null || !rate.capExceeded()) {
            throw Problem.rule("R13", 422, "SENIOR_CAP_NOT_EXCEEDED", "Nothing to override",
                    "The round's senior pass rate is within 50%; an override is only for a rate above it.");
        }
        round.seniorOverrideReason = written;
        round.seniorOverrideBy = actor.accountId();
        round.seniorOverrideAt = clock.instant();
        audit.record(actor, new AuditTrail.Change("ROUND_SENIOR_OVERRIDE", ReviewRounds.SUBJECT, round.id,
                round.state.name(), round.state.name(),
                "R13 " + rate.passed() + "/" + rate.decided() + " senior passes allowed: " + written));
        return flushed(round);
    }

    /** R14: the HR bureau approves the submitted pass list; only then may it be published. */
    public ReviewRound approve(Actor actor, UUID id, long version) {
        ReviewRound round = current(actor, id, version);
        requireState(round, RoundState.PASS_LIST_SUBMITTED, "approve the pass list");
        round.state = RoundState.APPROVED;
        round.approvedAt = clock.instant();
        round.approvedBy = actor.accountId();
        record(actor, round, "ROUND_APPROVE", RoundState.PASS_LIST_SUBMITTED, null);
        return flushed(round);
    }

    /** R14: the HR bureau sends the pass list back to the office with its reason. */
    public ReviewRound returnPassList(Actor actor, UUID id, String reason, long version) {
        ReviewRound round = current(actor, id, version);
        requireState(round, RoundState.PASS_LIST_SUBMITTED, "return the pass list");
        round.state = RoundState.OPEN;
        round.returnedReason = reason.strip();
        record(actor, round, "ROUND_RETURN", RoundState.PASS_LIST_SUBMITTED, round.returnedReason);
        return flushed(round);
    }

    /**
     * R14: only an approved pass list is published. R15: the notice runs at least 5 working days; by default it
     * ends on the 5th working day after today, counted on the official calendar (R32).
     */
    public ReviewRound publish(Actor actor, UUID id, LocalDate requestedEnd, long version) {
        ReviewRound round = current(actor, id, version);
        if (round.state == RoundState.OPEN || round.state == RoundState.PASS_LIST_SUBMITTED) {
            throw Problem.rule("R14", 422, "PASS_LIST_NOT_APPROVED", "Pass list not approved",
                    "Results are published only after the HR bureau has approved the round's pass list; it is "
                            + round.state + ".").with("state", round.state);
        }
        requireState(round, RoundState.APPROVED, "publish the results");
        LocalDate today = deadlines.today();
        WorkingDayCalendar calendar = calendars.calendar();
        LocalDate earliestEnd = calendar.plusWorkingDays(today, DeadlineKind.RESULT_NOTICE.days());
        LocalDate end = requestedEnd == null ? earliestEnd : requestedEnd;
        if (calendar.workingDaysBetween(today, end) < DeadlineKind.RESULT_NOTICE.days()) {
            throw Problem.rule("R15", 422, "NOTICE_TOO_SHORT", "Notice too short",
                    "The result notice runs at least " + DeadlineKind.RESULT_NOTICE.days() + " working days; from "
                            + today + " it can end on " + earliestEnd + " at the earliest.")
                    .with("earliestEnd", earliestEnd);
        }
        int published = 0;
        for (Application application : applicationsOf(round)) {
            if (application.state() == ApplicationState.PASSED) {
                // the hook attaches each application's RESULT_NOTICE period (R15) in this transaction
                stateMachine.apply(application, ApplicationTransition.PUBLISH_RESULT, actor, "notice until " + end);
                published++;
            }
        }
        round.state = RoundState.NOTICE;
        round.noticeStartsOn = today;
        round.noticeEndsOn = end;
        record(actor, round, "ROUND_PUBLISH", RoundState.APPROVED,
                published + " on notice " + today + " to " + end);
        return flushed(round);
    }

    /**
     * R15: the HR bureau answers an objection raised in the notice with an explanation and a decision; upheld, the
     * application fails after all. A decided objection stays decided.
     */
    public Objection decideObjection(Actor actor, UUID id, UUID objectionId, Objection.Decision decision,
            String explanation, long version) {
        ReviewRound round = get(actor, id);
        Objection objection = Objection.findById(objectionId, LockModeType.PESSIMISTIC_WRITE);
        Application application = objection == null ? null : Application.findById(objection.applicationId);
        if (objection == null || objection.stage != Objection.Stage.RESULT_NOTICE
                || !round.id.equals(application.roundId)) {
            throw Problem.notFound("OBJECTION_NOT_FOUND", "No objection " + objectionId + " in this round's notice.");
        }
        Problem.requireVersion("objection", version, objection.version);
        if (!objection.isOpen()) {
            throw Problem.conflict("OBJECTION_DECIDED", "Already decided",
                    "The objection was " + objection.decision + " on " + objection.decidedAt + "; a decision stands.");
        }
        objection.decision = decision;
        objection.explanation = explanation.strip();
        objection.decidedAt = clock.instant();
        objection.decidedBy = actor.accountId();
        if (decision == Objection.Decision.UPHELD && application.state() == ApplicationState.RESULT_PUBLICITY) {
            stateMachine.apply(application, ApplicationTransition.UPHOLD_RESULT_OBJECTION, actor,
                    objection.explanation);
        }
        deadlines.meet(DeadlineKind.OBJECTION_ANSWER, objection.id);
        audit.record(actor, new AuditTrail.Change("OBJECTION_DECIDE", "OBJECTION", objection.id, null,
                decision.name(), "R15 " + objection.explanation));
        Objection.flush();
        return objection;
    }

    /**
     * R16: approval filing of the round, after the notice has ended (R15) with every objection answered; passed
     * results are filed and the filing deadline of every decided application is met (late ones stay visible).
     */
    public ReviewRound file(Actor actor, UUID id, long version) {
        ReviewRound round = current(actor, id, version);
        requireState(round, RoundState.NOTICE, "file the results");
        LocalDate today = deadlines.today();
        if (!today.isAfter(round.noticeEndsOn)) {
            throw Problem.rule("R15", 422, "NOTICE_RUNNING", "Notice still running",
                    "The result notice runs until " + round.noticeEndsOn + "; file from the day after.")
                    .with("noticeEndsOn", round.noticeEndsOn);
        }
        List<Application> applications = applicationsOf(round);
        List<UUID> open = Objection.<Objection>list("stage = ?1 and decision is null and applicationId in ?2",
                Objection.Stage.RESULT_NOTICE, applications.stream().map(a -> a.id).toList())
                .stream().map(o -> o.id).toList();
        if (!open.isEmpty()) {
            throw Problem.rule("R15", 422, "OBJECTION_UNANSWERED", "Objections unanswered",
                    open.size() + " objection(s) raised in the notice have no decision yet; answer them first.")
                    .with("objections", open);
        }
        int filed = 0;
        for (Application application : applications) {
            if (application.state() == ApplicationState.RESULT_PUBLICITY) {
                stateMachine.apply(application, ApplicationTransition.FILE, actor, "round filing");
                filed++;
            } else if (RoundResults.decided(application)) {
                // failed ones have nothing to publish, but their results are filed with the round all the same
                deadlines.meet(DeadlineKind.FILING, application.id);
            }
        }
        round.state = RoundState.FILED;
        round.filedAt = clock.instant();
        round.filedBy = actor.accountId();
        record(actor, round, "ROUND_FILE", RoundState.NOTICE, filed + " filed");
        return flushed(round);
    }

    /** R17: the office reports the year's written summary once the round is filed. */
    public ReviewRound summarise(Actor actor, UUID id, String content, long version) {
        ReviewRound round = current(actor, id, version);
        requireState(round, RoundState.FILED, "report the year's summary");
        round.summary = content.strip();
        round.summaryAt = clock.instant();
        round.summaryBy = actor.accountId();
        deadlines.meet(DeadlineKind.INTERMEDIATE_SUMMARY, round.id);
        record(actor, round, "ROUND_SUMMARY", RoundState.FILED, null);
        return flushed(round);
    }

    /**
     * The round as the client last saw it, locked for the change: of two concurrent changes the second waits for
     * the first to commit and then finds a newer version (409).
     */
    private ReviewRound current(Actor actor, UUID id, long version) {
        ReviewRound round = ReviewRound.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (round == null || !canSee(round, actor)) {
            throw notFound(id);
        }
        Problem.requireVersion("round", version, round.version);
        return round;
    }

    static boolean canSee(ReviewRound round, Actor actor) {
        if (actor.is(Role.COMMITTEE_OFFICE)) {
            return round.committeeId.equals(actor.committeeId());
        }
        if (actor.is(Role.HR_BUREAU) && actor.unitId() != null) {
            Committee committee = Committee.findById(round.committeeId);
            return committee != null && actor.unitId().equals(committee.hrBureauId);
        }
        return false;
    }

    static Problem notFound(UUID id) {
        return Problem.notFound("ROUND_NOT_FOUND", "No review round " + id + " is visible to you.");
    }

    private static void requireState(ReviewRound round, RoundState expected, String step) {
        if (round.state != expected) {
            throw illegalStep(round, step);
        }
    }

    private static Problem illegalStep(ReviewRound round, String step) {
        return Problem.conflict("ILLEGAL_ROUND_STEP", "Not possible in this state",
                "A round that is " + round.state + " cannot " + step + ".").with("state", round.state);
    }

    private String lateness(ReviewRound round) {
        if (round.reviewedOn == null) {
            return "";
        }
        LocalDate due = DeadlineKind.PASS_LIST.due(calendars.calendar(), round.reviewedOn).date();
        return deadlines.today().isAfter(due) ? " (late: due " + due + ", R14)" : "";
    }

    private void record(Actor actor, ReviewRound round, String action, RoundState from, String note) {
        audit.record(actor, new AuditTrail.Change(action, ReviewRounds.SUBJECT, round.id, from.name(),
                round.state.name(), note));
    }

    /** Flushed inside the transaction, so a lost optimistic race is a 409 here rather than a failed commit. */
    private static ReviewRound flushed(ReviewRound round) {
        ReviewRound.flush();
        return round;
    }

    private static Map<String, Object> brief(Application application) {
        Map<String, Object> brief = new LinkedHashMap<>();
        brief.put("id", application.id);
        Person applicant = Person.findById(application.applicantId);
        brief.put("applicantName", applicant == null ? null : applicant.name);
        brief.put("level", application.level);
        brief.put("specialty", application.specialty);
        brief.put("state", application.state());
        return brief;
    }
}
