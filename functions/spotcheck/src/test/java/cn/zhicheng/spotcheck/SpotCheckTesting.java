package cn.zhicheng.spotcheck;

import static cn.zhicheng.core.testing.DemoUsers.as;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.spotcheck.SampleKey;
import cn.zhicheng.core.spotcheck.SampledApplication;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.time.SettableClock;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Shared steps and counts of the findings and consequences tests. */
final class SpotCheckTesting {

    /** Every account the tests act as, signed in on the real clock before any test moves it. */
    static final List<String> USERS = List.of("applicant", "unit", "hrbureau", "office", "office2", "expert",
            "expert2", "expert3", "expert4", "expert5");

    private SpotCheckTesting() {
    }

    static void signInAll() {
        USERS.forEach(DemoUsers::token);
    }

    static SettableClock clock() {
        return SettableClock.of(Arc.container().instance(Clock.class).get());
    }

    static void setDay(LocalDate day) {
        clock().set(day.atTime(10, 0).atZone(ClockProducer.CHINA).toInstant());
    }

    static String findingPath(UUID drawId, UUID applicationId, UUID itemId) {
        return "/api/inspector/spotchecks/" + drawId + "/applications/" + applicationId + "/findings/" + itemId;
    }

    static String samplePath(UUID drawId, UUID applicationId) {
        return "/api/spotchecks/" + drawId + "/samples/" + applicationId;
    }

    /** Each inspector records OK on each item. */
    static void recordAll(UUID drawId, UUID applicationId, List<UUID> items, String... inspectors) {
        for (String inspector : inspectors) {
            for (UUID item : items) {
                as(inspector).body(Map.of("result", "OK")).put(findingPath(drawId, applicationId, item))
                        .then().statusCode(200);
            }
        }
    }

    /** The office concludes the sample with the outcome. */
    static void conclude(UUID drawId, UUID applicationId, String outcome) {
        as("office").body(Map.of("outcome", outcome, "note", "test: " + outcome, "version",
                sample(drawId, applicationId).version))
                .post(samplePath(drawId, applicationId) + "/conclusion").then().statusCode(200);
    }

    static SampledApplication sample(UUID drawId, UUID applicationId) {
        return QuarkusTransaction.requiringNew().call(
                () -> SampledApplication.<SampledApplication>findById(new SampleKey(drawId, applicationId)));
    }

    static String state(UUID applicationId) {
        return QuarkusTransaction.requiringNew().call(
                () -> Application.<Application>findById(applicationId).state().name());
    }

    static long audits() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count());
    }

    /** Counts rows of an entity in a transaction of its own, e.g. {@code rows(() -> Finding.count(...))}. */
    static long rows(java.util.function.Supplier<Long> count) {
        return QuarkusTransaction.requiringNew().call(count::get);
    }

    /** A valid ID number no one has, so each test names a person of its own. */
    static String freshIdNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "370702" + (1960 + random.nextInt(30)) + "0" + (1 + random.nextInt(9)) + "1"
                + random.nextInt(10) + String.format("%03d", random.nextInt(1000));
        String number = first17 + IdNumber.checkCharFor(first17);
        return IdNumber.isValid(number) ? number : freshIdNumber();
    }
}
