package cn.zhicheng.review;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.round.RoundState;
import cn.zhicheng.core.series.SubmissionWindow;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.Fixtures;
import cn.zhicheng.core.time.SettableClock;
import cn.zhicheng.review.rest.ReviewRequests;
import cn.zhicheng.review.service.ReviewService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HR vetting (R8) and committee acceptance (R1, R5, R8), on PostgreSQL. */
@QuarkusTest
class ReviewResourceTest {

    SettableClock clock;

    @Inject
    ReviewService reviews;

    @Inject
    void clock(Clock clock) {
        this.clock = SettableClock.of(clock);
    }

    @BeforeEach
    void signInWhileTheClockIsReal() {
        TestData.warm("hrbureau", "office", "office2", "applicant", "expert");
    }

    @AfterEach
    void systemTimeAgain() {
        clock.reset();
    }

    private static long version(UUID id) {
        return Fixtures.versionOf(id);
    }

    private static Response accept(String username, UUID id) {
        return as(username).body(Map.of("version", version(id))).post("/api/review/applications/" + id + "/accept");
    }

    /** Nothing of a refused acceptance is left: same state and version, no time, no audit event. */
    private static void assertNothingWritten(UUID id, ApplicationState state, long version) {
        Application after = TestData.application(id);
        assertEquals(state, after.state());
        assertEquals(version, after.version);
        assertNull(after.acceptedAt);
        assertEquals(0, TestData.audited(id, "ACCEPT"));
    }

    /** The demo committee's window open now (the seeded window covers the seeding year). */
    private static SubmissionWindow seededWindow() {
        UUID committee = TestData.committeeId("WF-ENG-MID");
        UUID series = TestData.seriesId("ENGINEERING");
        return QuarkusTransaction.requiringNew().call(() -> SubmissionWindow.listFor(committee, series).stream()
                .filter(w -> w.isOpenAt(Instant.now())).findFirst().orElseThrow());
    }

    @Test
    void R8_recommendedApplicationIsVettedThenAccepted() {
        UUID id = Fixtures.applicationIn(ApplicationState.RECOMMENDED);
        as("hrbureau").get("/api/review/applications").then().statusCode(200)
                .body("id", hasItem(id.toString()))
                .body("find { it.id == '" + id + "' }.actions", contains("vet"))
                .body("find { it.id == '" + id + "' }.applicant.idNumber", is("3707**********1230"));
        as("hrbureau").body(Map.of("comment", "审核通过", "version", version(id)))
                .post("/api/review/applications/" + id + "/vet").then().statusCode(200).body("state", is("VETTED"))
                .body("vetting.by", is("王芳"));
        as("office").get("/api/review/applications").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.actions", contains("accept"));
        accept("office", id).then().statusCode(200).body("state", is("ACCEPTED"))
                .body("acceptedAt", not(nullValue()))
                .body("history.action", contains("CREATE", "SUBMIT", "UNIT_REVIEW", "RECOMMEND", "VET", "ACCEPT"));
    }

    @Test
    void R8_vettingRecordsWhoAndWhen() {
        UUID id = Fixtures.applicationIn(ApplicationState.RECOMMENDED);
        Instant at = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        clock.set(at);
        as("hrbureau").body(Map.of("version", version(id)))
                .post("/api/review/applications/" + id + "/vet").then().statusCode(200);
        Application vetted = TestData.application(id);
        assertEquals(DemoUsers.actor("hrbureau").accountId(), vetted.vettedBy);
        assertNotNull(vetted.vettedAt);
        assertEquals(0, Duration.between(at, vetted.vettedAt).toSeconds(), "vetted at the server clock's time");
        assertEquals(1, TestData.audited(id, "VET"));
    }

    @Test
    void R8_unvettedApplicationIsNotAccepted() {
        UUID id = Fixtures.applicationIn(ApplicationState.RECOMMENDED);
        long version = version(id);
        as("office").get("/api/review/applications").then().statusCode(200).body("id", not(hasItem(id.toString())));
        as("office").get("/api/review/applications/" + id).then().statusCode(404);
        accept("office", id).then().statusCode(422).body("rule", is("R8")).body("code", is("NOT_VETTED"));
        // another committee's office learns nothing of it
        accept("office2", id).then().statusCode(404).body("code", is("APPLICATION_NOT_FOUND"));
        assertNothingWritten(id, ApplicationState.RECOMMENDED, version);
    }

    @Test
    void R8_hrBureauSeesNothingBeforeTheUnitRecommends() {
        UUID id = Fixtures.applicationIn(ApplicationState.UNIT_PUBLICITY);
        as("hrbureau").body(Map.of("version", version(id)))
                .post("/api/review/applications/" + id + "/vet").then().statusCode(404);
    }

    @Test
    void R8_applicationOutsideTheCommitteesLevelsIsRefused() {
        UUID id = Fixtures.applicationIn(ApplicationState.VETTED);
        TestData.change(id, a -> a.level = TitleLevel.DEPUTY_SENIOR);
        long version = version(id);
        accept("office", id).then().statusCode(422).body("rule", is("R8")).body("code", is("OUT_OF_SCOPE"))
                .body("level", is("DEPUTY_SENIOR"));
        assertNothingWritten(id, ApplicationState.VETTED, version);
    }

    @Test
    void R8_applicationFromOutsideTheJurisdictionIsRefused() {
        UUID id = Fixtures.applicationIn(ApplicationState.VETTED);
        UUID qingdao = TestData.employer("青岛市");
        TestData.change(id, a -> a.unitId = qingdao);
        long version = version(id);
        accept("office", id).then().statusCode(422).body("rule", is("R8")).body("code", is("OUT_OF_JURISDICTION"))
                .body("jurisdiction", is("潍坊市")).body("region", is("青岛市"));
        assertNothingWritten(id, ApplicationState.VETTED, version);
    }

    @Test
    void R8_aUnitInACountyOfTheJurisdictionIsWithinIt() {
        UUID id = Fixtures.applicationIn(ApplicationState.VETTED);
        UUID county = TestData.employer("潍坊市奎文区");
        TestData.change(id, a -> a.unitId = county);
        accept("office", id).then().statusCode(200).body("state", is("ACCEPTED"));
    }

    @Test
    void R5_applicationWithoutBothPledgesIsNotAccepted() {
        UUID id = Fixtures.applicationIn(ApplicationState.VETTED);
        TestData.change(id, a -> a.unitPledgeSignedAt = null);
        long version = version(id);
        accept("office", id).then().statusCode(422).body("rule", is("R5")).body("code", is("PLEDGES_MISSING"))
                .body("missing", contains("unit"));
        assertNothingWritten(id, ApplicationState.VETTED, version);
    }

    @Test
    void R1_acceptanceAfterTheWindowClosesIsRefused() {
        SubmissionWindow window = seededWindow();
        UUID id = Fixtures.applicationIn(ApplicationState.VETTED);
        long version = version(id);
        clock.set(window.closesAt.plus(Duration.ofDays(1)));
        accept("office", id).then().statusCode(422).body("rule", is("R1")).body("code", is("WINDOW_CLOSED"))
                .body("closedAt", is(window.closesAt.toString()));
        assertNothingWritten(id, ApplicationState.VETTED, version);
        // a second before the close the same request is accepted: the server clock decides, nothing else
        clock.set(window.closesAt.minusSeconds(1));
        accept("office", id).then().statusCode(200).body("state", is("ACCEPTED"));
    }

    @Test
    void R1_acceptanceIsDecidedByTheServerClock() {
        UUID committee = TestData.teacherCommittee(EnumSet.of(TitleLevel.INTERMEDIATE));
        UUID teacher = TestData.seriesId("TEACHER");
        String staff = TestData.signIn(Role.COMMITTEE_OFFICE, TestData.unitId("WFHRSS"), committee);
        Instant opens = Instant.parse("2071-02-28T16:00:00Z");
        Instant closes = Instant.parse("2071-03-31T16:00:00Z");
        as("hrbureau").body(Map.of("seriesId", teacher, "title", "2071年度中小学教师职称申报", "opensAt", opens.toString(),
                "closesAt", closes.toString())).post("/api/committees/" + committee + "/windows")
                .then().statusCode(201);
        UUID id = Fixtures.applicationIn(ApplicationState.VETTED);
        TestData.change(id, a -> {
            a.committeeId = committee;
            a.seriesId = teacher;
        });
        long version = version(id);

        clock.set(opens.minusSeconds(60));
        accept(staff, id).then().statusCode(422).body("rule", is("R1")).body("code", is("WINDOW_CLOSED"))
                .body("opensAt", is(opens.toString())).body("closedAt", nullValue());
        assertNothingWritten(id, ApplicationState.VETTED, version);

        Instant during = Instant.parse("2071-03-15T02:00:00Z");
        clock.set(during);
        accept(staff, id).then().statusCode(200).body("state", is("ACCEPTED"));
        Application accepted = TestData.application(id);
        assertEquals(0, Duration.between(during, accepted.acceptedAt).toMinutes(), "accepted at the server's time");
        assertEquals(1, TestData.audited(id, "ACCEPT"));
    }

    @Test
    void R18_anAcceptedApplicationJoinsItsCommitteesOpenRoundOfTheYearAtOnce() {
        UUID committee = TestData.teacherCommittee(EnumSet.of(TitleLevel.INTERMEDIATE));
        UUID teacher = TestData.seriesId("TEACHER");
        String staff = TestData.signIn(Role.COMMITTEE_OFFICE, TestData.unitId("WFHRSS"), committee);
        as("hrbureau").body(Map.of("seriesId", teacher, "title", "2072年度中小学教师职称申报",
                "opensAt", "2072-02-29T16:00:00Z", "closesAt", "2072-03-31T16:00:00Z"))
                .post("/api/committees/" + committee + "/windows").then().statusCode(201);
        UUID first = vettedTeacherApplication(committee, teacher);
        UUID second = vettedTeacherApplication(committee, teacher);
        clock.set(Instant.parse("2072-03-15T02:00:00Z"));

        accept(staff, first).then().statusCode(200).body("state", is("ACCEPTED"));
        ReviewRound round = QuarkusTransaction.requiringNew()
                .call(() -> ReviewRound.find(committee, 2072).orElseThrow());
        assertEquals(RoundState.OPEN, round.state);
        assertEquals(round.id, TestData.application(first).roundId, "in the round before any meeting");

        // a round past its pass list takes no more: the application waits outside it
        QuarkusTransaction.requiringNew().run(() -> ReviewRound.<ReviewRound>findById(round.id).state =
                RoundState.PASS_LIST_SUBMITTED);
        accept(staff, second).then().statusCode(200).body("state", is("ACCEPTED"));
        assertNull(TestData.application(second).roundId);
    }

    private static UUID vettedTeacherApplication(UUID committee, UUID teacher) {
        UUID id = Fixtures.applicationIn(ApplicationState.VETTED);
        TestData.change(id, a -> {
            a.committeeId = committee;
            a.seriesId = teacher;
        });
        return id;
    }

    @Test
    void R1_aCommitteeWithoutAnyWindowAcceptsNothing() {
        UUID committee = TestData.teacherCommittee(EnumSet.of(TitleLevel.ASSISTANT));
        String staff = TestData.signIn(Role.COMMITTEE_OFFICE, TestData.unitId("WFHRSS"), committee);
        UUID teacher = TestData.seriesId("TEACHER");
        UUID id = Fixtures.applicationIn(ApplicationState.VETTED);
        TestData.change(id, a -> {
            a.committeeId = committee;
            a.seriesId = teacher;
            a.level = TitleLevel.ASSISTANT;
        });
        long version = version(id);
        accept(staff, id).then().statusCode(422).body("rule", is("R1")).body("code", is("NO_WINDOW"));
        assertNothingWritten(id, ApplicationState.VETTED, version);
    }

    @Test
    void twoStaffAcceptingTheSameApplicationAtOnceSucceedOnce() throws Exception {
        UUID id = Fixtures.applicationIn(ApplicationState.VETTED);
        String colleague = TestData.signIn(Role.COMMITTEE_OFFICE, TestData.unitId("WFHRSS"),
                TestData.committeeId("WF-ENG-MID"));
        long version = version(id);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String staff : List.of("office", colleague)) {
                answers.add(pool.submit(() -> {
                    var request = as(staff).body(Map.of("version", version));
                    start.await();
                    return request.post("/api/review/applications/" + id + "/accept").statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, TestData.audited(id, "ACCEPT"));
        Application accepted = TestData.application(id);
        assertEquals(ApplicationState.ACCEPTED, accepted.state());
        assertEquals(version + 1, accepted.version);
    }

    /**
     * The same race below the HTTP layer (the test's Lambda event server hands requests over one at a time): both
     * transactions read the same version, and the one that commits second is refused with its audit event.
     */
    @Test
    void twoAcceptancesRacingInTheDatabaseCommitOnce() throws Exception {
        UUID id = Fixtures.applicationIn(ApplicationState.VETTED);
        long version = version(id);
        Actor office = DemoUsers.actor("office");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    try {
                        reviews.accept(office, id, new ReviewRequests.Step(null, version));
                        return 200;
                    } catch (Problem refused) {
                        return refused.status();
                    } catch (OptimisticLockException stale) {
                        return 409;
                    }
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, TestData.audited(id, "ACCEPT"));
        assertEquals(version + 1, TestData.application(id).version);
    }

    @Test
    void acceptingTwiceIsAnIllegalTransition() {
        UUID id = Fixtures.applicationIn(ApplicationState.ACCEPTED);
        accept("office", id).then().statusCode(409).body("code", is("ILLEGAL_TRANSITION"));
    }

    @Test
    void wrongRoleIsForbiddenAndNoTokenIsUnauthenticated() {
        UUID id = Fixtures.applicationIn(ApplicationState.RECOMMENDED);
        as("office").body(Map.of("version", version(id)))
                .post("/api/review/applications/" + id + "/vet").then().statusCode(403).body("code", is("FORBIDDEN"));
        accept("hrbureau", id).then().statusCode(403);
        accept("expert", id).then().statusCode(403);
        as("applicant").get("/api/review/applications").then().statusCode(403);
        given().get("/api/review/applications").then().statusCode(401).body("code", is("UNAUTHENTICATED"));
        given().contentType("application/json").body(Map.of("version", 0))
                .post("/api/review/applications/" + id + "/accept").then().statusCode(401);
    }

    @Test
    void decisionsPublicationAndFilingAreNoLongerPerApplication() {
        UUID id = Fixtures.applicationIn(ApplicationState.ACCEPTED);
        for (String step : List.of("decision", "publish", "file")) {
            as("office").body(Map.of("outcome", "PASS", "version", version(id)))
                    .post("/api/review/applications/" + id + "/" + step).then().statusCode(404);
        }
        assertEquals(ApplicationState.ACCEPTED, TestData.application(id).state());
    }
}
