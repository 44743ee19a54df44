package cn.zhicheng.review.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationAccess;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.round.ReviewRounds;
import cn.zhicheng.core.round.RoundState;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.SubmissionWindow;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.review.rest.ReviewRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** HR vetting (R8) and committee acceptance (R1, R5, R8), and the work lists they are chosen from. */
@ApplicationScoped
@Transactional
public class ReviewService {

    /** What an HR bureau follows: from recommendation on. */
    private static final List<ApplicationState> HR_STATES = List.copyOf(EnumSet.range(ApplicationState.RECOMMENDED,
            ApplicationState.CERTIFIED));
    /** What a committee office follows: from vetting on. */
    private static final List<ApplicationState> OFFICE_STATES = List.copyOf(EnumSet.range(ApplicationState.VETTED,
            ApplicationState.CERTIFIED));

    private final ApplicationStateMachine stateMachine;
    private final ApplicationAccess access;
    private final Clock clock;
    private final ReviewRounds rounds;

    public ReviewService(ApplicationStateMachine stateMachine, ApplicationAccess access, Clock clock,
            ReviewRounds rounds) {
        this.stateMachine = stateMachine;
        this.access = access;
        this.clock = clock;
        this.rounds = rounds;
    }

    public List<Application> workList(Actor actor) {
        if (actor.is(Role.HR_BUREAU)) {
            List<UUID> committees = Committee.<Committee>list("hrBureauId", actor.unitId()).stream()
                    .map(c -> c.id).toList();
            return Application.listByCommitteesInStates(committees, HR_STATES);
        }
        return actor.committeeId() == null ? List.of()
                : Application.listByCommitteesInStates(List.of(actor.committeeId()), OFFICE_STATES);
    }

    public Application get(Actor actor, UUID id) {
        return access.require(id, actor);
    }

    /** R8: the HR bureau of the application's committee vets what the unit recommended; who and when are kept. */
    public Application vet(Actor actor, UUID id, ReviewRequests.Step request) {
        Application application = access.requireCurrent(id, actor, request.version());
        stateMachine.apply(application, ApplicationTransition.VET, actor, request.comment());
        application.vettedBy = actor.accountId();
        application.vettedAt = application.updatedAt;
        return application;
    }

    /**
     * R1, R5, R8: the office accepts a vetted application of its series and levels, from a unit in its
     * jurisdiction, with both pledges, while a submission window for the series is open by the server clock. Each
     * refusal names its rule; a refused request writes nothing.
     */
    public Application accept(Actor actor, UUID id, ReviewRequests.Step request) {
        Application application = forAcceptance(actor, id);
        ApplicationStateMachine.requireVersion(application, request.version());
        Instant now = clock.instant();
        // the rules are asked only where the step is possible; any other state is the state machine's 409
        if (application.state() == ApplicationState.VETTED) {
            Committee committee = Committee.findById(application.committeeId);
            requireScope(committee, application);
            requireJurisdiction(committee, application);
            requirePledges(application);
            requireOpenWindow(committee, application, now);
        }
        stateMachine.apply(application, ApplicationTransition.ACCEPT, actor, request.comment());
        application.acceptedAt = application.updatedAt;
        joinRound(application, actor);
        // flushed here: of two concurrent acceptances the later one fails now, as a 409, and its audit event with it
        Application.flush();
        return application;
    }

    /**
     * R18: an accepted application belongs to its committee's round of the year at once, so the round's spot checks
     * draw on it before any meeting. A round past its pass list takes no more; the meeting step then refuses the
     * application's meeting as ROUND_CLOSED, as before.
     */
    private void joinRound(Application application, Actor actor) {
        int year = LocalDate.ofInstant(application.acceptedAt, ClockProducer.CHINA).getYear();
        ReviewRound round = rounds.openFor(Committee.findById(application.committeeId), year, actor);
        if (round.state == RoundState.OPEN) {
            application.roundId = round.id;
        }
    }

    /**
     * The application as its committee's office may act on it. R8: the office cannot see what the HR bureau has not
     * vetted, but its own committee's applications get a reason rather than a bare 404; a draft stays the
     * applicant's alone.
     */
    private Application forAcceptance(Actor actor, UUID id) {
        Application application = Application.findById(id);
        if (application != null && application.committeeId.equals(actor.committeeId())
                && application.state() != ApplicationState.DRAFT
                && application.state().compareTo(ApplicationState.VETTED) < 0) {
            throw Problem.rule("R8", 422, "NOT_VETTED", "Not vetted yet",
                    "The HR bureau has not vetted this application; the committee accepts it only after vetting.");
        }
        return access.require(id, actor);
    }

    /** R8: the committee's own series and levels only. */
    private static void requireScope(Committee committee, Application application) {
        if (!committee.seriesId.equals(application.seriesId) || !committee.levels.contains(application.level)) {
            throw Problem.rule("R8", 422, "OUT_OF_SCOPE", "Outside the committee's scope",
                    "This committee does not review this series or level (" + application.level + ").")
                    .with("level", application.level);
        }
    }

    /** R8: applications from units in the committee's jurisdiction only ({@link Committee#covers}). */
    private static void requireJurisdiction(Committee committee, Application application) {
        Unit unit = Unit.findById(application.unitId);
        if (!committee.covers(unit.region)) {
            throw Problem.rule("R8", 422, "OUT_OF_JURISDICTION", "Outside the committee's jurisdiction",
                    "This committee reviews applications from units in " + committee.jurisdiction + "; " + unit.name
                            + " is in " + (unit.region == null ? "no recorded region" : unit.region)
                            + ". The application belongs to the committee of its unit's region.")
                    .with("jurisdiction", committee.jurisdiction)
                    .with("region", unit.region == null ? "" : unit.region);
        }
    }

    /** R5: nothing goes to the committee without both the applicant's and the unit's pledge. */
    private static void requirePledges(Application application) {
        if (application.pledgeSignedAt == null || application.unitPledgeSignedAt == null) {
            List<String> missing = new ArrayList<>();
            if (application.pledgeSignedAt == null) {
                missing.add("applicant");
            }
            if (application.unitPledgeSignedAt == null) {
                missing.add("unit");
            }
            throw Problem.rule("R5", 422, "PLEDGES_MISSING", "Integrity pledges missing",
                    "An application goes to the committee only with both integrity pledges; missing: "
                            + String.join(", ", missing) + ".")
                    .with("missing", missing);
        }
    }

    /**
     * R1: only while a window of the committee for the application's series is open, by the server clock. The
     * refusal says when the last window closed and when the next opens, whichever there are.
     */
    private static void requireOpenWindow(Committee committee, Application application, Instant now) {
        List<SubmissionWindow> windows = SubmissionWindow.listFor(committee.id, application.seriesId);
        if (windows.stream().anyMatch(w -> w.isOpenAt(now))) {
            return;
        }
        if (windows.isEmpty()) {
            throw Problem.rule("R1", 422, "NO_WINDOW", "No submission window",
                    "No submission window is set for this committee and series; the HR bureau opens one, and "
                            + "applications are accepted while it is open.");
        }
        Optional<SubmissionWindow> lastClosed = windows.stream().filter(w -> !w.closesAt.isAfter(now))
                .max(Comparator.comparing(w -> w.closesAt));
        Optional<SubmissionWindow> next = windows.stream().filter(w -> w.opensAt.isAfter(now))
                .min(Comparator.comparing(w -> w.opensAt));
        String detail = "Applications are accepted only while a submission window is open (逾期不再受理)."
                + lastClosed.map(w -> " The window \"" + w.title + "\" closed at " + w.closesAt + ".").orElse("")
                + next.map(w -> " The next, \"" + w.title + "\", opens at " + w.opensAt + ".").orElse("");
        Problem closed = Problem.rule("R1", 422, "WINDOW_CLOSED", "Submission window closed", detail);
        if (lastClosed.isPresent()) {
            closed = closed.with("closedAt", lastClosed.get().closesAt);
        }
        if (next.isPresent()) {
            closed = closed.with("opensAt", next.get().opensAt);
        }
        throw closed;
    }
}
