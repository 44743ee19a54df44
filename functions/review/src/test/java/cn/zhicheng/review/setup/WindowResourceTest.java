package cn.zhicheng.review.setup;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.notification.Notification;
import cn.zhicheng.core.series.SubmissionWindow;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.testing.Fixtures;
import cn.zhicheng.core.time.SettableClock;
import cn.zhicheng.review.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R1: submission windows per committee and series, their closing deadline and the closing job, on PostgreSQL. */
@QuarkusTest
class WindowResourceTest {

    SettableClock clock;

    @Inject
    void clock(Clock clock) {
        this.clock = SettableClock.of(clock);
    }

    @BeforeEach
    void signInWhileTheClockIsReal() {
        TestData.warm("hrbureau", "office", "applicant");
    }

    @AfterEach
    void systemTimeAgain() {
        clock.reset();
    }

    private static Map<String, Object> window(String title, String opensAt, String closesAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("seriesId", TestData.seriesId("TEACHER"));
        body.put("title", title);
        body.put("opensAt", opensAt);
        body.put("closesAt", closesAt);
        return body;
    }

    private static String open(UUID committee, String title, String opensAt, String closesAt) {
        return as("hrbureau").body(window(title, opensAt, closesAt)).post("/api/committees/" + committee + "/windows")
                .then().statusCode(201).extract().path("id");
    }

    private static Deadline deadline(String windowId) {
        return QuarkusTransaction.requiringNew().call(() -> Deadline.findFor(DeadlineKind.SUBMISSION_WINDOW_CLOSE,
                UUID.fromString(windowId)).orElseThrow());
    }

    private static long windows(UUID committee) {
        return QuarkusTransaction.requiringNew().call(() -> SubmissionWindow.count("committeeId", committee));
    }

    @Test
    void R1_aWindowCarriesItsClosingDeadlineWhichMovesWithIt() {
        UUID committee = TestData.teacherCommittee(EnumSet.of(TitleLevel.INTERMEDIATE));
        // opens 2051-03-01 and closes at midnight after 2051-03-31, China time
        String id = as("hrbureau").body(window("2051年度申报", "2051-02-28T16:00:00Z", "2051-03-31T16:00:00Z"))
                .post("/api/committees/" + committee + "/windows").then().statusCode(201)
                .body("committee.id", is(committee.toString())).body("series.name", is("中小学教师"))
                .body("title", is("2051年度申报")).body("opensAt", is("2051-02-28T16:00:00Z"))
                .body("open", is(false)).body("version", is(0)).extract().path("id");
        Deadline closing = deadline(id);
        assertEquals("R1", closing.rule);
        assertEquals(LocalDate.parse("2051-03-01"), closing.startDate);
        assertEquals(LocalDate.parse("2051-03-31"), closing.dueDate, "the last day the window is open");
        assertEquals(Role.COMMITTEE_OFFICE, closing.ownerRole);
        assertEquals(committee, closing.ownerCommitteeId);
        assertEquals(1, TestData.audited(UUID.fromString(id), "WINDOW_CREATE"));

        Map<String, Object> change = window("2051年度申报（延长）", "2051-02-28T16:00:00Z", "2051-04-15T09:00:00Z");
        change.remove("seriesId");
        change.put("version", 0);
        as("hrbureau").body(change).put("/api/windows/" + id).then().statusCode(200)
                .body("closesAt", is("2051-04-15T09:00:00Z")).body("version", is(1));
        assertEquals(LocalDate.parse("2051-04-15"), deadline(id).dueDate);
        as("hrbureau").body(change).put("/api/windows/" + id).then().statusCode(409).body("code", is("STALE_VERSION"));
        assertEquals(1, TestData.audited(UUID.fromString(id), "WINDOW_UPDATE"));
        as("hrbureau").get("/api/committees/" + committee + "/windows").then().statusCode(200)
                .body("title", contains("2051年度申报（延长）"));
    }

    @Test
    void R1_windowsAreOfTheCommitteesSeriesInOrderAndDoNotOverlap() {
        UUID committee = TestData.teacherCommittee(EnumSet.of(TitleLevel.ASSISTANT));
        String first = open(committee, "2052年度", "2052-01-31T16:00:00Z", "2052-03-31T16:00:00Z");
        as("hrbureau").body(window("重叠", "2052-03-01T00:00:00Z", "2052-05-01T00:00:00Z"))
                .post("/api/committees/" + committee + "/windows").then().statusCode(409)
                .body("rule", is("R1")).body("code", is("WINDOW_OVERLAPS")).body("windowId", is(first))
                .body("windowTitle", is("2052年度")).body("windowOpensAt", is("2052-01-31T16:00:00Z"))
                .body("windowClosesAt", is("2052-03-31T16:00:00Z"));
        as("hrbureau").body(window("倒序", "2052-06-01T00:00:00Z", "2052-05-01T00:00:00Z"))
                .post("/api/committees/" + committee + "/windows").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED")).body("errors.field", contains("closesAt"));
        Map<String, Object> health = window("卫生", "2052-06-01T00:00:00Z", "2052-07-01T00:00:00Z");
        health.put("seriesId", TestData.seriesId("HEALTH"));
        as("hrbureau").body(health).post("/api/committees/" + committee + "/windows").then().statusCode(422)
                .body("rule", is("R1")).body("code", is("SERIES_NOT_OF_COMMITTEE"));
        as("hrbureau").body(Map.of("title", "x")).post("/api/committees/" + committee + "/windows").then()
                .statusCode(400).body("code", is("VALIDATION_FAILED"));
        assertEquals(1, windows(committee));
        // back to back is not an overlap: a window closes the instant the next opens
        open(committee, "2052年度二", "2052-03-31T16:00:00Z", "2052-04-30T16:00:00Z");
        assertEquals(2, windows(committee));
    }

    @Test
    void R1_windowIsReadByTheServerClock() {
        UUID committee = TestData.teacherCommittee(EnumSet.of(TitleLevel.MEMBER));
        String id = open(committee, "2053年度", "2053-02-28T16:00:00Z", "2053-03-31T16:00:00Z");
        as("hrbureau").get("/api/windows/" + id).then().statusCode(200).body("open", is(false));
        given().get("/api/public/windows").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.open", is(false));
        clock.set(Instant.parse("2053-03-10T02:00:00Z"));
        as("hrbureau").get("/api/windows/" + id).then().statusCode(200).body("open", is(true));
        given().get("/api/public/windows").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.open", is(true));
        clock.set(Instant.parse("2053-03-31T16:00:00Z"));
        as("hrbureau").get("/api/windows/" + id).then().statusCode(200).body("open", is(false));
        given().get("/api/public/windows").then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void R1_thePublicListShowsOpenAndComingWindowsWithoutSignIn() {
        UUID committee = TestData.teacherCommittee(EnumSet.of(TitleLevel.DEPUTY_SENIOR));
        String past = open(committee, "2020年度", "2020-01-31T16:00:00Z", "2020-03-31T16:00:00Z");
        String coming = open(committee, "2054年度", "2054-01-31T16:00:00Z", "2054-03-31T16:00:00Z");
        given().get("/api/public/windows").then().statusCode(200)
                .body("id", hasItem(coming)).body("id", not(hasItem(past)))
                .body("find { it.id == '" + coming + "' }.committee.id", is(committee.toString()))
                // the demo committees' windows over this year are open now
                .body("findAll { it.open }.committee.name", hasItem("潍坊市工程技术中级职称评审委员会"));
    }

    @Test
    void R1_theClosingJobMeetsTheDeadlineAndTellsTheOfficeOnceOfWhatWasNotAccepted() {
        UUID committee = TestData.teacherCommittee(EnumSet.of(TitleLevel.FULL_SENIOR));
        String office = TestData.signIn(Role.COMMITTEE_OFFICE, TestData.unitId("WFHRSS"), committee);
        String id = open(committee, "2055年度正高级", "2055-01-31T16:00:00Z", "2055-03-31T16:00:00Z");
        UUID vetted = Fixtures.applicationIn(ApplicationState.VETTED);
        UUID teacher = TestData.seriesId("TEACHER");
        TestData.change(vetted, a -> {
            a.committeeId = committee;
            a.seriesId = teacher;
            a.level = TitleLevel.FULL_SENIOR;
        });

        clock.set(Instant.parse("2055-03-31T15:59:00Z"));
        as("hrbureau").post("/api/jobs/close-submission-windows/runs").then().statusCode(200)
                .body("status", is("SUCCEEDED"));
        assertEquals(DeadlineState.OPEN, deadline(id).state, "still open a minute before the close");

        clock.set(Instant.parse("2055-04-01T01:00:00Z"));
        as("hrbureau").post("/api/jobs/close-submission-windows/runs").then().statusCode(200)
                .body("status", is("SUCCEEDED"));
        Deadline closed = deadline(id);
        assertEquals(DeadlineState.MET, closed.state);
        as(office).get("/api/notifications").then().statusCode(200)
                .body("findAll { it.deadlineId == '" + closed.id + "' }.message.zh",
                        contains(containsString("2055年度正高级")))
                .body("find { it.deadlineId == '" + closed.id + "' }.message.en",
                        containsString("1 vetted application"));
        as(office).get("/api/deadlines").then().statusCode(200).body("id", not(hasItem(closed.id.toString())));

        as("hrbureau").post("/api/jobs/close-submission-windows/runs").then().statusCode(200)
                .body("status", is("SUCCEEDED")).body("changed", is(0));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Notification.count("deadlineId", closed.id)));
    }

    @Test
    void R1_windowsAreTheHrBureausToChangeAndTheOfficesToRead() {
        UUID committee = TestData.teacherCommittee(EnumSet.of(TitleLevel.INTERMEDIATE, TitleLevel.MEMBER));
        String id = open(committee, "2056年度", "2056-01-31T16:00:00Z", "2056-03-31T16:00:00Z");
        String office = TestData.signIn(Role.COMMITTEE_OFFICE, TestData.unitId("WFHRSS"), committee);
        as(office).get("/api/committees/" + committee + "/windows").then().statusCode(200).body("id", contains(id));
        as(office).get("/api/windows/" + id).then().statusCode(200);
        as(office).body(window("x", "2057-01-01T00:00:00Z", "2057-02-01T00:00:00Z"))
                .post("/api/committees/" + committee + "/windows").then().statusCode(403);
        as("office").get("/api/committees/" + committee + "/windows").then().statusCode(404);
        as("office").get("/api/windows/" + id).then().statusCode(404).body("code", is("WINDOW_NOT_FOUND"));
        TestData.otherBureauCommittee();
        as(TestData.OTHER_HR).get("/api/windows/" + id).then().statusCode(404);
        Map<String, Object> change = window("x", "2056-01-31T16:00:00Z", "2056-03-31T16:00:00Z");
        change.put("version", 0);
        as(TestData.OTHER_HR).body(change).put("/api/windows/" + id).then().statusCode(404);
        as(TestData.OTHER_HR).body(window("x", "2058-01-01T00:00:00Z", "2058-02-01T00:00:00Z"))
                .post("/api/committees/" + committee + "/windows").then().statusCode(404);
        as(office).body(change).put("/api/windows/" + id).then().statusCode(403);
        as("applicant").get("/api/committees/" + committee + "/windows").then().statusCode(403);
        given().get("/api/committees/" + committee + "/windows").then().statusCode(401);
        given().contentType("application/json").body(change).put("/api/windows/" + id).then().statusCode(401);
        as("hrbureau").get("/api/windows/" + id).then().statusCode(200).body("title", is("2056年度"));
    }
}
