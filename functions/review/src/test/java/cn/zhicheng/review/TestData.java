package cn.zhicheng.review;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.core.unit.UnitKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Records the review tests build on beyond the demo data: committees of their own (in the teacher series, so the
 * shared fixtures, which use engineering, never route to them), sign-ins, a second HR bureau, and direct reads.
 */
public final class TestData {

    public static final String OTHER_HR = "qdhrbureau";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestData() {
    }

    /** A name no other test in this run uses. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    public static UUID committeeId(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Committee.<Committee>find("code", code).firstResult().id);
    }

    public static UUID seriesId(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Series.<Series>find("code", code).firstResult().id);
    }

    public static UUID unitId(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Unit.findByCode(code).orElseThrow().id);
    }

    /** A teacher-series committee of the demo HR bureau (潍坊市), for tests that need windows of their own. */
    public static UUID teacherCommittee(Set<TitleLevel> levels) {
        UUID bureau = unitId("WFHRSS");
        UUID teacher = seriesId("TEACHER");
        return QuarkusTransaction.requiringNew().call(() -> committee(unique("T"), teacher, bureau, levels,
                "潍坊市").id);
    }

    /** A second HR bureau (青岛市) with its HR sign-in and a committee of its own; made once per database. */
    public static synchronized UUID otherBureauCommittee() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Committee existing = Committee.<Committee>find("code", "QD-TEACH-MID").firstResult();
            if (existing != null) {
                return existing.id;
            }
            Instant now = Instant.now();
            Unit bureau = new Unit();
            bureau.id = UUID.randomUUID();
            bureau.code = "QDHRSS";
            bureau.name = "青岛市人力资源和社会保障局";
            bureau.kind = UnitKind.HR_BUREAU;
            bureau.region = "青岛市";
            bureau.createdAt = now;
            bureau.persist();
            Account.create(OTHER_HR, DemoUsers.PASSWORD, "青岛人社", Role.HR_BUREAU, null, bureau.id, null, now)
                    .persist();
            Series teacher = Series.find("code", "TEACHER").firstResult();
            return committee("QD-TEACH-MID", teacher.id, bureau.id, EnumSet.of(TitleLevel.INTERMEDIATE), "青岛市").id;
        });
    }

    /** A sign-in with the demo password, so {@link DemoUsers#as} works for it. */
    public static String signIn(Role role, UUID unitId, UUID committeeId) {
        String username = unique(role.name().toLowerCase());
        QuarkusTransaction.requiringNew().run(() -> Account.create(username, DemoUsers.PASSWORD, username, role, null,
                unitId, committeeId, Instant.now()).persist());
        DemoUsers.token(username);
        return username;
    }

    /** An employer unit in the given region. */
    public static UUID employer(String region) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Unit unit = new Unit();
            unit.id = UUID.randomUUID();
            unit.code = unique("U");
            unit.name = region + "测试单位";
            unit.kind = UnitKind.EMPLOYER;
            unit.region = region;
            unit.createdAt = Instant.now();
            unit.persist();
            return unit.id;
        });
    }

    public static Application application(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Application.findById(id));
    }

    /** Changes an application's data as an earlier step would have left it (never its state). */
    public static void change(UUID id, Consumer<Application> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(Application.findById(id)));
    }

    public static long audited(UUID subjectId, String action) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.count("subjectId = ?1 and action = ?2", subjectId, action));
    }

    /** Signs the demo users in while the clock still tells the real time, so their tokens stay valid. */
    public static void warm(String... usernames) {
        for (String username : usernames) {
            DemoUsers.token(username);
        }
    }

    private static Committee committee(String code, UUID series, UUID bureau, Set<TitleLevel> levels,
            String jurisdiction) {
        Committee committee = new Committee();
        committee.id = UUID.randomUUID();
        committee.code = code;
        committee.name = code + " 测试评委会";
        committee.seriesId = series;
        committee.hrBureauId = bureau;
        committee.memberCount = 5;
        committee.jurisdiction = jurisdiction;
        committee.levels = EnumSet.copyOf(levels);
        committee.createdAt = Instant.now();
        committee.persist();
        return committee;
    }
}
