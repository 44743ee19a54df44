package cn.zhicheng.core.testing;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.application.VerificationRoute;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Puts a demo applicant's application into a given state by walking the real state machine, so a function's
 * tests can start where the previous function's steps end without importing that function.
 */
public final class Fixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final List<Step> PATH = List.of(
            new Step(ApplicationTransition.SUBMIT, "applicant"),
            new Step(ApplicationTransition.UNIT_REVIEW, "unit"),
            new Step(ApplicationTransition.RECOMMEND, "unit"),
            new Step(ApplicationTransition.VET, "hrbureau"),
            new Step(ApplicationTransition.ACCEPT, "office"),
            new Step(ApplicationTransition.START_REVIEW, "office"),
            new Step(ApplicationTransition.PASS, "office"),
            new Step(ApplicationTransition.PUBLISH_RESULT, "hrbureau"),
            new Step(ApplicationTransition.FILE, "hrbureau"));

    private record Step(ApplicationTransition transition, String username) {
    }

    private Fixtures() {
    }

    public static UUID applicationIn(ApplicationState target) {
        return applicationIn(target, null, TitleLevel.INTERMEDIATE, "电气工程");
    }

    /**
     * An engineering application of the demo applicant at a level, for a committee (null: the demo committee of
     * that level), walked to the target state, e.g. a DEPUTY_SENIOR one for WF-ENG-SENIOR (R13).
     */
    public static UUID applicationIn(ApplicationState target, UUID committeeId, TitleLevel level, String specialty) {
        return applicationIn(target, committeeId, level, specialty, DemoUsers.actor("applicant"));
    }

    /**
     * As above, for another applicant: tests whose consequences outlive them (an R20 ban is never deleted) use a
     * person of their own, so the demo applicant can still apply in every later test and run on the same database.
     */
    public static UUID applicationIn(ApplicationState target, UUID committeeId, TitleLevel level, String specialty,
            Actor applicant) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ApplicationStateMachine machine = Arc.container().instance(ApplicationStateMachine.class).get();
            Series engineering = Series.<Series>find("code", "ENGINEERING").firstResult();
            Committee committee = committeeId != null ? Committee.findById(committeeId)
                    : Committee.forApplication(engineering.id, level, "潍坊市").orElseThrow();
            Clock clock = Arc.container().instance(Clock.class).get();
            Application application = Application.draft(UUID.randomUUID(), clock.instant());
            application.applicantId = applicant.personId();
            application.accountId = applicant.accountId();
            application.unitId = Unit.findByCode("WFDLSJY").orElseThrow().id;
            application.seriesId = committee.seriesId;
            application.level = level;
            application.specialty = specialty;
            application.committeeId = committee.id;
            application.diplomaNumber = "105611201905001234";
            application.persist();
            Arc.container().instance(AuditTrail.class).get().record(applicant, new AuditTrail.Change("CREATE",
                    ApplicationStateMachine.SUBJECT, application.id, null, application.state().name(), "fixture"));
            for (Step step : PATH) {
                if (application.state() == target) {
                    break;
                }
                Actor actor = step.transition() == ApplicationTransition.SUBMIT ? applicant
                        : DemoUsers.actor(step.username());
                machine.apply(application, step.transition(), actor, "fixture");
                switch (step.transition()) {
                    case SUBMIT -> application.pledgeSignedAt = clock.instant();
                    case UNIT_REVIEW -> {
                        application.unitReviewedBy = actor.accountId();
                        application.unitReviewedAt = clock.instant();
                    }
                    case RECOMMEND -> {
                        application.unitPledgeSignedAt = clock.instant();
                        application.unitPledgeBy = actor.accountId();
                        application.diplomaVerification = VerificationRoute.DIPLOMA_DATABASE;
                    }
                    case VET -> {
                        application.vettedBy = actor.accountId();
                        application.vettedAt = clock.instant();
                    }
                    case ACCEPT -> application.acceptedAt = clock.instant();
                    default -> {
                        // the other steps record nothing beyond the audit trail
                    }
                }
            }
            if (application.state() != target) {
                throw new IllegalArgumentException("The fixture path does not reach " + target);
            }
            return application.id;
        });
    }

    /** A newly registered applicant (person and sign-in with the demo password) at the demo employer WFDLSJY. */
    public static Actor freshApplicant(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            String first17 = String.format("370702%04d%02d%02d%03d", 1970 + RANDOM.nextInt(30), 1 + RANDOM.nextInt(12),
                    1 + RANDOM.nextInt(28), RANDOM.nextInt(1000));
            Person person = Person.create(name, IdNumber.parse(first17 + IdNumber.checkCharFor(first17)), now);
            person.persist();
            UUID unit = Unit.findByCode("WFDLSJY").orElseThrow().id;
            Account account = Account.create("fresh-" + UUID.randomUUID().toString().substring(0, 12),
                    DemoUsers.PASSWORD, name, Role.APPLICANT, person.id, unit, null, now);
            account.persist();
            return new Actor(account.id, account.username, account.displayName, account.role, account.unitId,
                    account.personId, null);
        });
    }

    /** The application's current version, as a client would have loaded it. */
    public static long versionOf(UUID applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> Application.<Application>findById(applicationId).version);
    }
}
