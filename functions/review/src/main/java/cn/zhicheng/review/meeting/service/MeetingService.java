package cn.zhicheng.review.meeting.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.calendar.CalendarService;
import cn.zhicheng.core.calendar.WorkingDayCalendar;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.meeting.Meeting;
import cn.zhicheng.core.meeting.MeetingApplication;
import cn.zhicheng.core.meeting.MeetingExpert;
import cn.zhicheng.core.meeting.MeetingState;
import cn.zhicheng.core.meeting.Vote;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.round.ReviewRounds;
import cn.zhicheng.core.round.RoundState;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.review.meeting.rest.MeetingRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A meeting's life: applied for (R11, R17), approved or rejected, attendance and quorum, tally and close (R12). */
@ApplicationScoped
@Transactional
public class MeetingService {

    public static final String SUBJECT = "MEETING";
    /** R11: how far ahead a date that would still be allowed is searched for, to tell the office. */
    private static final int SEARCH_DAYS = 366;

    private final MeetingAccess access;
    private final ApplicationStateMachine stateMachine;
    private final ReviewRounds rounds;
    private final CalendarService calendars;
    private final DeadlineService deadlines;
    private final AuditTrail audit;
    private final Clock clock;

    public MeetingService(MeetingAccess access, ApplicationStateMachine stateMachine, ReviewRounds rounds,
            CalendarService calendars, DeadlineService deadlines, AuditTrail audit, Clock clock) {
        this.access = access;
        this.stateMachine = stateMachine;
        this.rounds = rounds;
        this.calendars = calendars;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Meeting> list(Actor actor, LocalDate from, LocalDate to) {
        return access.list(actor).stream().filter(m -> MeetingAccess.between(m, from, to)).toList();
    }

    public Meeting get(Actor actor, UUID id) {
        return access.require(id, actor);
    }

    /**
     * R11, R17: the office applies for a meeting of its committee with an agenda of its accepted applications.
     * Every check comes before anything is written, and a refusal rolls the transaction back, so a refused request
     * leaves no meeting, round or deadline behind.
     */
    public UUID create(Actor actor, MeetingRequests.Create request) {
        Committee committee = actor.committeeId() == null ? null : Committee.findById(actor.committeeId());
        if (committee == null) {
            throw Problem.of(403, "NO_COMMITTEE", "No committee", "Your sign-in belongs to no committee office.");
        }
        LocalDate date = request.meetingDate();
        requireTimely(date);
        LocalDate lastDay = ReviewRounds.lastReviewDay(committee, date.getYear());
        if (lastDay != null && date.isAfter(lastDay)) {
            throw Problem.rule("R17", 422, "PAST_YEAR_END", "After the year's last review day",
                    "This committee finishes its reviews of " + date.getYear() + " by " + lastDay
                            + "; choose a meeting date on or before it.")
                    .with("lastReviewDay", lastDay);
        }
        String workPlan = blankToNull(request.workPlan());
        if (workPlan == null && committee.levels.contains(TitleLevel.INTERMEDIATE)) {
            // R11 (000 §二.2): an intermediate committee's work plan reaches the HR bureau with the application
            throw Problem.rule("R11", 422, "WORK_PLAN_REQUIRED", "Work plan required",
                    "An intermediate committee sends its work plan to the HR bureau with the meeting application.");
        }
        List<Application> agenda = lockAgenda(committee, request.applicationIds());
        ReviewRound round = rounds.openFor(committee, date.getYear(), actor);
        if (round.state != RoundState.OPEN) {
            throw Problem.conflict("ROUND_CLOSED", "The year's round is closed",
                    "The committee's review round of " + date.getYear() + " is " + round.state
                            + "; no more meetings can be held in it.");
        }
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.committeeId = committee.id;
        meeting.roundId = round.id;
        meeting.meetingDate = date;
        meeting.venue = request.venue().trim();
        meeting.workPlan = workPlan;
        meeting.state = MeetingState.REQUESTED;
        meeting.requestedBy = actor.accountId();
        meeting.requestedAt = clock.instant();
        // R10, R12: the committee's member count as it stands when the meeting is applied for
        meeting.expertCount = committee.memberCount;
        meeting.persist();
        for (Application application : agenda) {
            MeetingApplication item = new MeetingApplication();
            item.meetingId = meeting.id;
            item.applicationId = application.id;
            item.persist();
            application.roundId = round.id;
        }
        // R11 goes through the deadline engine like every deadline: the meeting's application deadline is attached
        // with its due date and met at once by this very request, since a late request is refused rather than
        // recorded late. The duty's record (due date, met when) then stays with the meeting.
        DeadlineService.Owner office = new DeadlineService.Owner(Role.COMMITTEE_OFFICE, committee.hrBureauId,
                committee.id, null);
        deadlines.attach(DeadlineKind.MEETING_APPLICATION, meeting.id, date, office);
        deadlines.meet(DeadlineKind.MEETING_APPLICATION, meeting.id);
        audit.record(actor, new AuditTrail.Change("MEETING_REQUEST", SUBJECT, meeting.id, null,
                meeting.state.name(), date + " " + meeting.venue + ", " + agenda.size() + " application(s)"));
        return meeting.id;
    }

    /** R11: today must be no later than the last day to apply for a meeting on that date. */
    private void requireTimely(LocalDate date) {
        WorkingDayCalendar calendar = calendars.calendar();
        LocalDate today = deadlines.today();
        LocalDate latest = DeadlineKind.MEETING_APPLICATION.due(calendar, date).date();
        if (today.isAfter(latest)) {
            LocalDate earliest = earliestAllowed(calendar, today);
            throw Problem.rule("R11", 422, "MEETING_TOO_SOON", "Meeting applied for too late",
                    "A meeting is applied for at least 5 working days before it: for " + date
                            + " the last day to apply was " + latest + ". Applying today, the earliest meeting date is "
                            + earliest + ".")
                    .with("latestApplicationDay", latest)
                    .with("earliestMeetingDate", earliest);
        }
    }

    /**
     * R11: the first date a meeting applied for today may be held on, found by the same rule that refuses, so the
     * answer always agrees with it on the calendar's weekends, holidays and adjusted working days (R32).
     */
    static LocalDate earliestAllowed(WorkingDayCalendar calendar, LocalDate today) {
        for (LocalDate date = today.plusDays(1); date.isBefore(today.plusDays(SEARCH_DAYS)); date = date.plusDays(1)) {
            if (!today.isAfter(DeadlineKind.MEETING_APPLICATION.due(calendar, date).date())) {
                return date;
            }
        }
        throw new IllegalStateException("no meeting date within a year of " + today);
    }

    /**
     * The agenda: the committee's accepted applications that no other live meeting holds. Rows are locked in id
     * order, so two offices' requests naming the same application run one after the other and the second sees
     * the first's meeting.
     */
    private static List<Application> lockAgenda(Committee committee, List<UUID> ids) {
        Set<UUID> distinct = new LinkedHashSet<>(ids);
        Map<UUID, Application> locked = distinct.stream().sorted()
                .map(id -> Application.<Application>findById(id, LockModeType.PESSIMISTIC_WRITE))
                .filter(a -> a != null && a.committeeId.equals(committee.id))
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        List<Application> agenda = new ArrayList<>();
        for (UUID id : distinct) {
            Application application = locked.get(id);
            if (application == null) {
                throw notEligible(id, "is not an application of this committee");
            }
            if (application.state() != ApplicationState.ACCEPTED) {
                throw notEligible(id, "is " + application.state() + "; only accepted applications go on an agenda")
                        .with("state", application.state());
            }
            Meeting other = Meeting.liveMeetingOf(id).orElse(null);
            if (other != null) {
                throw notEligible(id, "is already on the meeting of " + other.meetingDate + " (" + other.state + ")")
                        .with("meetingId", other.id);
            }
            agenda.add(application);
        }
        return agenda;
    }

    private static Problem notEligible(UUID id, String why) {
        return Problem.of(422, "NOT_ON_AGENDA_ELIGIBLE", "Cannot be on the agenda", "Application " + id + " " + why
                + ".").with("applicationId", id);
    }

    /** R11: the HR bureau over the committee approves the meeting it was applied for. */
    public Meeting approve(Actor actor, UUID id, MeetingRequests.Decision request) {
        return decide(actor, id, request, MeetingState.APPROVED, "MEETING_APPROVE");
    }

    /** R11: or rejects it, saying why; the agenda is then free for another meeting. */
    public Meeting reject(Actor actor, UUID id, MeetingRequests.Decision request) {
        if (blankToNull(request.note()) == null) {
            throw Problem.validation(List.of(new Problem.FieldError("note", "say why the meeting is rejected")));
        }
        return decide(actor, id, request, MeetingState.REJECTED, "MEETING_REJECT");
    }

    private Meeting decide(Actor actor, UUID id, MeetingRequests.Decision request, MeetingState to, String action) {
        Meeting meeting = access.requireFor(id, actor, Role.HR_BUREAU);
        MeetingAccess.requireState(meeting, MeetingState.REQUESTED, "decided");
        MeetingAccess.requireVersion(meeting, request.version());
        meeting.state = to;
        meeting.decidedBy = actor.accountId();
        meeting.decidedAt = clock.instant();
        meeting.decisionNote = blankToNull(request.note());
        audit.record(actor, new AuditTrail.Change(action, SUBJECT, meeting.id, MeetingState.REQUESTED.name(),
                to.name(), meeting.decisionNote));
        return meeting;
    }

    /**
     * R12: attendance on the day. Fewer than two-thirds of the members present means no quorum: the meeting ends
     * without a result and its applications stay accepted, free for a new meeting. Otherwise voting opens and the
     * agenda goes under review.
     */
    public Meeting attendance(Actor actor, UUID id, MeetingRequests.Attendance request) {
        Meeting meeting = access.requireFor(id, actor, Role.COMMITTEE_OFFICE);
        MeetingAccess.requireState(meeting, MeetingState.DRAWN, "given its attendance");
        MeetingAccess.requireVersion(meeting, request.version());
        if (deadlines.today().isBefore(meeting.meetingDate)) {
            throw Problem.rule("R12", 422, "MEETING_NOT_STARTED", "The meeting has not started",
                    "Attendance is recorded on the meeting day, " + meeting.meetingDate + ", or later.")
                    .with("meetingDate", meeting.meetingDate);
        }
        List<MeetingExpert> drawn = MeetingExpert.listByMeeting(meeting.id);
        Set<UUID> drawnIds = drawn.stream().map(e -> e.expertId).collect(Collectors.toSet());
        Set<UUID> present = new LinkedHashSet<>(request.present());
        for (UUID expertId : present) {
            if (!drawnIds.contains(expertId)) {
                throw Problem.rule("R10", 422, "NOT_A_DRAWN_EXPERT", "Not drawn for this meeting",
                        "Expert " + expertId + " was not drawn for this meeting; only drawn experts sit on it.")
                        .with("expertId", expertId);
            }
        }
        for (MeetingExpert expert : drawn) {
            expert.attended = present.contains(expert.expertId);
        }
        meeting.attending = present.size();
        MeetingState before = meeting.state;
        if (!quorate(meeting.attending, meeting.expertCount)) {
            meeting.state = MeetingState.NOT_QUORATE;
            meeting.closedAt = clock.instant();
            audit.record(actor, new AuditTrail.Change("MEETING_NOT_QUORATE", SUBJECT, meeting.id, before.name(),
                    meeting.state.name(), meeting.attending + " of " + meeting.expertCount + " present, "
                            + quorum(meeting.expertCount) + " needed"));
            return meeting;
        }
        meeting.state = MeetingState.VOTING;
        meeting.votingOpenedAt = clock.instant();
        for (MeetingApplication item : MeetingApplication.agenda(meeting.id)) {
            Application application = Application.findById(item.applicationId);
            // an application voided for fraud (R20) since the agenda was set is no longer reviewed
            if (application.state() == ApplicationState.ACCEPTED) {
                stateMachine.apply(application, ApplicationTransition.START_REVIEW, actor,
                        "meeting " + meeting.meetingDate);
            }
        }
        audit.record(actor, new AuditTrail.Change("MEETING_VOTING_OPEN", SUBJECT, meeting.id, before.name(),
                meeting.state.name(), meeting.attending + " of " + meeting.expertCount + " present"));
        return meeting;
    }

    /**
     * R12: the tally. An application passes with the yes votes of at least two-thirds of the attending experts;
     * a vote not cast is not a yes. The meeting row is locked first, so a vote in flight commits before the tally
     * reads the votes, and a vote arriving later finds the meeting closed.
     */
    public Meeting close(Actor actor, UUID id, MeetingRequests.Step request) {
        Meeting meeting = access.requireFor(id, actor, Role.COMMITTEE_OFFICE);
        MeetingAccess.requireState(meeting, MeetingState.VOTING, "closed");
        MeetingAccess.requireVersion(meeting, request.version());
        Map<UUID, List<Vote>> votes = Vote.listByMeeting(meeting.id).stream()
                .collect(Collectors.groupingBy(v -> v.applicationId));
        for (MeetingApplication item : MeetingApplication.agenda(meeting.id)) {
            Application application = Application.findById(item.applicationId);
            if (application.state() != ApplicationState.UNDER_REVIEW) {
                continue; // voided meanwhile (R20): nothing to decide
            }
            List<Vote> cast = votes.getOrDefault(item.applicationId, List.of());
            item.yesVotes = count(cast, Vote.Choice.YES);
            item.noVotes = count(cast, Vote.Choice.NO);
            item.abstentions = count(cast, Vote.Choice.ABSTAIN);
            boolean pass = passes(item.yesVotes, meeting.attending);
            item.outcome = pass ? "PASS" : "FAIL";
            stateMachine.apply(application, pass ? ApplicationTransition.PASS : ApplicationTransition.FAIL, actor,
                    "meeting " + meeting.meetingDate + ": " + item.yesVotes + " yes, " + item.noVotes + " no, "
                            + item.abstentions + " abstaining, " + meeting.attending + " present");
        }
        ReviewRound round = ReviewRound.findById(meeting.roundId, LockModeType.PESSIMISTIC_WRITE);
        // R14, R16 count from the round's latest review day
        if (round.reviewedOn == null || round.reviewedOn.isBefore(meeting.meetingDate)) {
            round.reviewedOn = meeting.meetingDate;
        }
        MeetingState before = meeting.state;
        meeting.state = MeetingState.CLOSED;
        meeting.closedAt = clock.instant();
        audit.record(actor, new AuditTrail.Change("MEETING_CLOSE", SUBJECT, meeting.id, before.name(),
                meeting.state.name(), null));
        return meeting;
    }

    /** R12: quorate with at least two-thirds of the members present. */
    static boolean quorate(int attending, int members) {
        return attending * 3 >= members * 2;
    }

    /** R12: the members needed for a quorum, two-thirds rounded up. */
    public static int quorum(int members) {
        return (members * 2 + 2) / 3;
    }

    /** R12: passes with the yes votes of at least two-thirds of the attending experts. */
    static boolean passes(int yes, int attending) {
        return yes * 3 >= attending * 2;
    }

    private static int count(List<Vote> votes, Vote.Choice choice) {
        return (int) votes.stream().filter(v -> v.choice == choice).count();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
