package cn.zhicheng.review.round;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.round.ReviewRounds;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.Fixtures;
import cn.zhicheng.core.testing.TestCommittees;
import cn.zhicheng.core.testing.TestCommittees.TestCommittee;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.time.SettableClock;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Review rounds built without the meetings function: a fresh committee (core's {@link TestCommittees}),
 * applications put on the round's agenda and decided the way a closing meeting does, on the review day.
 */
final class RoundFixtures {

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
        return TestCommittees.committee(levels);
    }

    /** A second member of the demo HR bureau's staff. */
    static String hrStaff() {
        return TestCommittees.hrStaff();
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
        return TestCommittees.clock();
    }
}
