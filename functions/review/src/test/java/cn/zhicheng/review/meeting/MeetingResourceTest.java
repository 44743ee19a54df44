package cn.zhicheng.review.meeting;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static cn.zhicheng.review.meeting.MeetingTestSupport.accepted;
import static cn.zhicheng.review.meeting.MeetingTestSupport.apply;
import static cn.zhicheng.review.meeting.MeetingTestSupport.created;
import static cn.zhicheng.review.meeting.MeetingTestSupport.request;
import static cn.zhicheng.review.meeting.MeetingTestSupport.roundOf;
import static cn.zhicheng.review.meeting.MeetingTestSupport.snapshot;
import static cn.zhicheng.review.meeting.MeetingTestSupport.today;
import static cn.zhicheng.review.meeting.MeetingTestSupport.version;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.meeting.Meeting;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.round.RoundState;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.testing.Fixtures;
import cn.zhicheng.core.time.SettableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Applying for a meeting (R11, R17), its agenda, the HR bureau's decision and who sees what, on PostgreSQL. */
@QuarkusTest
class MeetingResourceTest {

    @Inject
    Clock port;

    SettableClock clock;

    @BeforeEach
    void settable() {
        clock = SettableClock.of(port);
        clock.reset();
        MeetingTestSupport.signInAll();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void R11_meetingAppliedLessThanFiveWorkingDaysAheadIsRefused() {
        // Thursday 24 September 2026: the Mid-Autumn and National Day holidays (25-27 Sep, 1-7 Oct) lie ahead, so
        // 8 October, two weeks away, is only 4 working days ahead (28, 29, 30 Sep and 8 Oct)
        today(clock, LocalDate.of(2026, 9, 24));
        UUID application = accepted();
        Map<String, Long> before = snapshot();
        apply(LocalDate.of(2026, 10, 8), application).statusCode(422)
                .body("rule", is("R11")).body("code", is("MEETING_TOO_SOON"))
                .body("latestApplicationDay", is("2026-09-23"))
                .body("earliestMeetingDate", is("2026-10-09"));
        assertEquals(before, snapshot());
        assertNull(roundOf(application));
        assertEquals(ApplicationState.ACCEPTED, MeetingTestSupport.stateOf(application));
    }

    @Test
    void R11_meetingAppliedExactlyFiveWorkingDaysAheadIsAccepted() {
        today(clock, LocalDate.of(2026, 9, 24));
        UUID application = accepted();
        ValidatableResponse response = apply(LocalDate.of(2026, 10, 9), application).statusCode(201)
                .body("state", is("REQUESTED"))
                .body("latestApplicationDay", is("2026-09-24"))
                .body("expertCount", is(5)).body("quorum", is(4))
                .body("committee.memberCount", is(5))
                .body("agenda[0].applicationId", is(application.toString()))
                .body("agenda[0].applicantName", is("张伟"))
                .body("agenda[0].unitName", is("潍坊市电力设计研究院"))
                .body("agenda[0].state", is("ACCEPTED"))
                .body("experts.size()", is(0)).body("draw", nullValue())
                .body("roundId", notNullValue());
        UUID id = UUID.fromString(response.extract().path("id"));
        assertEquals("/api/meetings/" + id, URI.create(response.extract().header("Location")).getPath());
        assertEquals(roundOf(application).toString(), as("office").get("/api/meetings/" + id).then()
                .statusCode(200).extract().path("roundId"));
        // the R11 deadline goes through the deadline engine, met by the request itself
        Deadline deadline = QuarkusTransaction.requiringNew().call(
                () -> Deadline.findFor(DeadlineKind.MEETING_APPLICATION, id).orElseThrow());
        assertEquals(LocalDate.of(2026, 9, 24), deadline.dueDate);
        assertEquals(DeadlineState.MET, deadline.state);
    }

    @Test
    void R11_aSaturdayApplicationCountsAdjustedWorkingDays() {
        // Saturday 12 September 2026: a meeting on Friday 18th needed the application by Friday 11th; the first
        // date still open is Sunday 20th, an adjusted working day (国庆节调休上班) with 15-18 and 20 Sep before it
        today(clock, LocalDate.of(2026, 9, 12));
        UUID application = accepted();
        apply(LocalDate.of(2026, 9, 18), application).statusCode(422).body("code", is("MEETING_TOO_SOON"))
                .body("latestApplicationDay", is("2026-09-11"))
                .body("earliestMeetingDate", is("2026-09-20"));
        apply(LocalDate.of(2026, 9, 19), application).statusCode(422).body("code", is("MEETING_TOO_SOON"));
        apply(LocalDate.of(2026, 9, 20), application).statusCode(201).body("latestApplicationDay", is("2026-09-14"));
    }

    @Test
    void R11_anIntermediateCommitteeSendsItsWorkPlan() {
        today(clock, LocalDate.of(2026, 9, 1));
        UUID application = accepted();
        Map<String, Object> body = request(LocalDate.of(2026, 9, 15), application);
        body.remove("workPlan");
        Map<String, Long> before = snapshot();
        as("office").body(body).post("/api/meetings").then().statusCode(422)
                .body("rule", is("R11")).body("code", is("WORK_PLAN_REQUIRED"));
        assertEquals(before, snapshot());
    }

    @Test
    void R17_intermediateCommitteeCannotMeetAfterNovember() {
        today(clock, LocalDate.of(2026, 11, 2));
        UUID application = accepted();
        Map<String, Long> before = snapshot();
        apply(LocalDate.of(2026, 12, 1), application).statusCode(422)
                .body("rule", is("R17")).body("code", is("PAST_YEAR_END"))
                .body("lastReviewDay", is("2026-11-30"));
        assertEquals(before, snapshot());
        apply(LocalDate.of(2026, 11, 30), application).statusCode(201).body("state", is("REQUESTED"));
    }

    @Test
    void aRoundPastItsMeetingsTakesNoMoreMeetings() {
        today(clock, LocalDate.of(2026, 9, 1));
        // the committee's round of 2029 has already sent its pass list (R14): no more meetings in it
        QuarkusTransaction.requiringNew().run(() -> {
            ReviewRound round = new ReviewRound();
            round.id = UUID.randomUUID();
            round.committeeId = Committee.<Committee>find("code", "WF-ENG-MID").firstResult().id;
            round.year = 2029;
            round.state = RoundState.PASS_LIST_SUBMITTED;
            round.createdAt = Instant.now();
            round.persist();
        });
        UUID application = accepted();
        Map<String, Long> before = snapshot();
        apply(LocalDate.of(2029, 3, 15), application).statusCode(409).body("code", is("ROUND_CLOSED"));
        assertEquals(before, snapshot());
        assertNull(roundOf(application));
    }

    @Test
    void agendaHoldsOnlyTheCommitteesAcceptedApplicationsNotOnAnotherLiveMeeting() {
        today(clock, LocalDate.of(2026, 9, 1));
        LocalDate date = LocalDate.of(2026, 9, 15);
        UUID accepted = accepted();
        UUID vetted = Fixtures.applicationIn(ApplicationState.VETTED);
        Map<String, Long> before = snapshot();
        apply(date, accepted, vetted).statusCode(422).body("code", is("NOT_ON_AGENDA_ELIGIBLE"))
                .body("applicationId", is(vetted.toString())).body("state", is("VETTED"));
        apply(date, UUID.randomUUID()).statusCode(422).body("code", is("NOT_ON_AGENDA_ELIGIBLE"));
        assertEquals(before, snapshot());

        UUID first = created(date, accepted);
        apply(date, accepted).statusCode(422).body("code", is("NOT_ON_AGENDA_ELIGIBLE"))
                .body("applicationId", is(accepted.toString())).body("meetingId", is(first.toString()));
        // a rejected meeting frees its agenda
        as("hrbureau").body(Map.of("note", "会议室冲突，请改期", "version", version(first)))
                .post("/api/meetings/" + first + "/reject").then().statusCode(200)
                .body("state", is("REJECTED")).body("decisionNote", is("会议室冲突，请改期"))
                .body("decidedAt", notNullValue());
        apply(LocalDate.of(2026, 9, 16), accepted).statusCode(201);
    }

    @Test
    void anEmptyAgendaIsInvalid() {
        today(clock, LocalDate.of(2026, 9, 1));
        apply(LocalDate.of(2026, 9, 15)).statusCode(400).body("code", is("VALIDATION_FAILED"))
                .body("errors.field", hasItem("applicationIds"));
    }

    @Test
    void theSameIdempotencyKeyCreatesOneMeeting() {
        today(clock, LocalDate.of(2026, 9, 1));
        UUID application = accepted();
        Map<String, Object> body = request(LocalDate.of(2026, 9, 15), application);
        String key = UUID.randomUUID().toString();
        String first = as("office").header("Idempotency-Key", key).body(body).post("/api/meetings").then()
                .statusCode(201).extract().path("id");
        String again = as("office").header("Idempotency-Key", key).body(body).post("/api/meetings").then()
                .statusCode(201).extract().path("id");
        assertEquals(first, again);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Meeting.count(
                "id in (select a.meetingId from MeetingApplication a where a.applicationId = ?1)", application)));
    }

    @Test
    void theHrBureauDecidesAndARejectionSaysWhy() {
        today(clock, LocalDate.of(2026, 9, 1));
        UUID id = created(LocalDate.of(2026, 10, 20), accepted());
        as("hrbureau").queryParam("from", "2026-10-20").queryParam("to", "2026-10-20").get("/api/meetings").then()
                .statusCode(200).body("id", is(List.of(id.toString())))
                .body("find { it.id == '" + id + "' }.actions", is(List.of("approve", "reject")));
        as("hrbureau").body(Map.of("note", " ", "version", version(id))).post("/api/meetings/" + id + "/reject")
                .then().statusCode(400).body("errors.field", hasItem("note"));
        as("office").body(Map.of("version", version(id))).post("/api/meetings/" + id + "/approve")
                .then().statusCode(403);
        as("hrbureau").body(Map.of("version", version(id) + 1)).post("/api/meetings/" + id + "/approve")
                .then().statusCode(409).body("code", is("STALE_VERSION"));
        as("hrbureau").body(Map.of("version", version(id))).post("/api/meetings/" + id + "/approve")
                .then().statusCode(200).body("state", is("APPROVED")).body("actions.size()", is(0));
        as("hrbureau").body(Map.of("version", version(id))).post("/api/meetings/" + id + "/approve")
                .then().statusCode(409).body("code", is("ILLEGAL_MEETING_STATE"));
        as("office").get("/api/meetings/" + id).then().statusCode(200).body("actions", is(List.of("draw")));
    }

    @Test
    void othersSeeNoMeeting() {
        today(clock, LocalDate.of(2026, 9, 1));
        UUID id = created(LocalDate.of(2026, 9, 15), accepted());
        as("office2").get("/api/meetings/" + id).then().statusCode(404).body("code", is("MEETING_NOT_FOUND"));
        as("office2").get("/api/meetings").then().statusCode(200).body("id", not(hasItem(id.toString())));
        as("office2").body(Map.of("version", version(id))).post("/api/meetings/" + id + "/draw").then()
                .statusCode(404);
        as("expert").get("/api/meetings/" + id).then().statusCode(403);
        as("applicant").get("/api/meetings").then().statusCode(403);
        given().get("/api/meetings").then().statusCode(401);
        // another committee's office cannot put this committee's application on its agenda
        as("office2").body(request(LocalDate.of(2026, 9, 15), accepted())).post("/api/meetings").then()
                .statusCode(422).body("code", is("NOT_ON_AGENDA_ELIGIBLE"));
    }
}
