package cn.zhicheng.core.testing;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.expert.ExpertPoolMember;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.PasswordHasher;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.round.ReviewRounds;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
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
 * Fresh committees of the demo HR bureau, each with its own office sign-in (a round is unique per committee and
 * year, so each test gets rounds of its own), their rounds with accepted applications, and expert pools.
 */
public final class TestCommittees {

    /** A test committee and the username of its office. */
    public record TestCommittee(UUID id, String office) {
    }

    /** A round and the accepted applications put on it, in the order made. */
    public record AcceptedRound(UUID id, List<UUID> applications) {
    }

    private TestCommittees() {
    }

    public static TestCommittee committee(Set<TitleLevel> levels) {
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
    public static String hrStaff() {
        String username = "hr-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> account(username, Role.HR_BUREAU, "人社" + username,
                Unit.findByCode("WFHRSS").orElseThrow().id, null));
        signIn(username);
        return username;
    }

    /**
     * {@code count} new intermediate engineering applications of the demo applicant, walked to ACCEPTED and put
     * on the committee's round of the year (opened if need be), as a meeting's agenda does.
     */
    public static AcceptedRound acceptedInRound(TestCommittee committee, int year, int count) {
        Actor office = DemoUsers.actor(committee.office());
        List<UUID> applications = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            applications.add(Fixtures.applicationIn(ApplicationState.ACCEPTED, committee.id(),
                    TitleLevel.INTERMEDIATE, "电气工程"));
        }
        UUID roundId = QuarkusTransaction.requiringNew().call(() -> {
            ReviewRounds rounds = Arc.container().instance(ReviewRounds.class).get();
            ReviewRound round = rounds.openFor(Committee.findById(committee.id()), year, office);
            for (UUID id : applications) {
                Application.<Application>findById(id).roundId = round.id;
            }
            return round.id;
        });
        return new AcceptedRound(roundId, applications);
    }

    /**
     * New experts (without sign-ins) of the units given by code, one each, in the committee's pool of the year
     * until its end (R9).
     */
    public static List<UUID> pool(UUID committeeId, int year, String... unitCodes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> experts = new ArrayList<>();
            for (String code : unitCodes) {
                Expert expert = new Expert();
                expert.id = UUID.randomUUID();
                expert.name = "专家" + expert.id.toString().substring(0, 6);
                expert.specialty = "电气工程";
                expert.unitId = Unit.findByCode(code).orElseThrow().id;
                expert.createdAt = Instant.now();
                expert.persist();
                ExpertPoolMember member = new ExpertPoolMember();
                member.committeeId = committeeId;
                member.poolYear = year;
                member.expertId = expert.id;
                member.termEndsOn = LocalDate.of(year, 12, 31);
                member.addedAt = Instant.now();
                member.persist();
                experts.add(expert.id);
            }
            return experts;
        });
    }

    /**
     * Signs in on the system clock: a token issued while a test holds the clock in the past would already have
     * expired for the token check, which reads the real time. The test's time is put back afterwards.
     */
    public static void signIn(String username) {
        SettableClock clock = clock();
        Instant testTime = clock.instant();
        clock.reset();
        try {
            DemoUsers.token(username);
        } finally {
            clock.set(testTime);
        }
    }

    public static SettableClock clock() {
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
