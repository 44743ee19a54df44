package cn.zhicheng.review.round;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.PasswordHasher;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.round.ReviewRounds;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.Fixtures;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.time.SettableClock;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Review rounds built without the meetings function: a fresh committee of the demo HR bureau with its own office
 * sign-in (a round is unique per committee and year, so each test gets rounds of its own), applications put on
 * the round's agenda and decided the way a closing meeting does, on the review day.
 */
final class RoundFixtures {

    /** A test committee and the username of its office. */
    record TestCommittee(UUID id, String office) {
    }

    /** A round and its applications, in the order of the decisions given. */
    record TestRound(UUID id, List<UUID> applications) {
    }

    /** What the meeting made of an application; UNDECIDED leaves it under review. */
    enum Outcome { PASS, FAIL, UNDECIDED }

    /** One application on the agenda. */
    record Decision(TitleLevel level, String specialty, Outcome outcome) {
    }

    private RoundFixtures() {
    }

    static TestCommittee committee(Set<TitleLevel> levels) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String office = "office-" + suffix;
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Unit bureau = Unit.findByCode("WFHRSS").orElseThrow();
            Committee committee = new Committee();
            committee.id = UUID.randomUUID();
            committee.code = "T-" + suffix;
            committee.name = "测试评审委员会 " + suffix;
            committee.seriesId = Series.<Series>find("code", "ENGINEERING").firstResult().id;
            committee.hrBureauId = bureau.id;
            committee.memberCount = 5;
            committee.jurisdiction = "潍坊市";
            committee.levels = EnumSet.copyOf(levels);
            committee.createdAt = now;
            committee.persist();
            account(office, Role.COMMITTEE_OFFICE, "办事员" + suffix, bureau.id, committee.id);
            return committee.id;
        });
        signIn(office);
        return new TestCommittee(id, office);
    }

    /** A second member of the demo HR bureau's staff. */
    static String hrStaff() {
        String username = "hr-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> account(username, Role.HR_BUREAU, "人社" + username,
                Unit.findByCode("WFHRSS").orElseThrow().id, null));
        signIn(username);
        return username;
    }

    /**
     * Signs in on the system clock: a token issued while a test holds the clock in the past would already have
     * expired for the token check, which reads the real time. The test's time is put back afterwards.
     */
    private static void signIn(String username) {
        SettableClock clock = clock();
        Instant testTime = clock.instant();
        clock.reset();
        try {
            DemoUsers.token(username);
        } finally {
            clock.set(testTime);
        }
    }

    /** The committee's round of the review day's year, with applications of one level decided on that day. */
    static TestRound round(TestCommittee committee, TitleLevel level, LocalDate reviewedOn, Outcome... outcomes) {
        List<Decision> decisions = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            decisions.add(new Decision(level, "电气工程", outcome));
        }
        return decide(committee, reviewedOn, decisions);
    }

    /**
     * Puts new applications on the committee's round of the year (opened if need be) and decides them on the
     * review day, as a meeting closing that day would; the round's reviewedOn becomes that day.
     */
    static TestRound decide(TestCommittee committee, LocalDate reviewedOn, List<Decision> decisions) {
        Actor office = DemoUsers.actor(committee.office());
        clock().set(reviewedOn.atTime(10, 0).atZone(ClockProducer.CHINA).toInstant());
        List<UUID> applications = new ArrayList<>();
        for (Decision decision : decisions) {
            applications.add(Fixtures.applicationIn(ApplicationState.ACCEPTED, committee.id(), decision.level(),
                    decision.specialty()));
        }
        UUID roundId = QuarkusTransaction.requiringNew().call(() -> {
            ApplicationStateMachine machine = Arc.container().instance(ApplicationStateMachine.class).get();
            ReviewRounds rounds = Arc.container().instance(ReviewRounds.class).get();
            ReviewRound round = rounds.openFor(Committee.findById(committee.id()), reviewedOn.getYear(), office);
            for (int i = 0; i < decisions.size(); i++) {
                Application application = Application.findById(applications.get(i));
                application.roundId = round.id;
                machine.apply(application, ApplicationTransition.START_REVIEW, office, "fixture meeting");
                switch (decisions.get(i).outcome()) {
                    case PASS -> machine.apply(application, ApplicationTransition.PASS, office, "fixture meeting");
                    case FAIL -> machine.apply(application, ApplicationTransition.FAIL, office, "fixture meeting");
                    case UNDECIDED -> {
                        // left under review, as if its meeting had not closed
                    }
                }
            }
            round.reviewedOn = reviewedOn;
            return round.id;
        });
        return new TestRound(roundId, applications);
    }

    /** Decides an application left under review, on the day given. */
    static void decideLater(TestCommittee committee, UUID applicationId, Outcome outcome, LocalDate day) {
        Actor office = DemoUsers.actor(committee.office());
        clock().set(day.atTime(10, 0).atZone(ClockProducer.CHINA).toInstant());
        QuarkusTransaction.requiringNew().run(() -> {
            ApplicationStateMachine machine = Arc.container().instance(ApplicationStateMachine.class).get();
            Application application = Application.findById(applicationId);
            machine.apply(application, outcome == Outcome.PASS ? ApplicationTransition.PASS
                    : ApplicationTransition.FAIL, office, "fixture meeting");
        });
    }

    static SettableClock clock() {
        return SettableClock.of(Arc.container().instance(Clock.class).get());
    }

    private static void account(String username, Role role, String name, UUID unitId, UUID committeeId) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.username = username;
        account.passwordHash = PasswordHasher.hash(DemoUsers.PASSWORD);
        account.displayName = name;
        account.role = role;
        account.unitId = unitId;
        account.committeeId = committeeId;
        account.enabled = true;
        account.createdAt = Instant.now();
        account.persist();
    }
}
