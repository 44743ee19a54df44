package cn.zhicheng.review.round;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static cn.zhicheng.review.round.RoundFixtures.Outcome.FAIL;
import static cn.zhicheng.review.round.RoundFixtures.Outcome.PASS;
import static cn.zhicheng.review.round.RoundFixtures.Outcome.UNDECIDED;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.Objection;
import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.deadline.SubjectType;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.round.ReviewRounds;
import cn.zhicheng.core.round.RoundState;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.XlsxReading;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.review.round.RoundFixtures.Decision;
import cn.zhicheng.core.testing.TestCommittees.TestCommittee;
import cn.zhicheng.review.round.RoundFixtures.TestRound;
import cn.zhicheng.review.round.service.RoundService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A committee's round after its meetings (R13-R17), on PostgreSQL, around National Day 2026: 10-01 to 10-07 are
 * holidays and Saturday 10-10 is an adjusted working day, so every count below crosses them.
 */
@QuarkusTest
class RoundResourceTest {

    /** Wednesday before National Day. */
    private static final LocalDate REVIEW = LocalDate.parse("2026-09-30");
    /** Thursday before the Mid-Autumn Festival (09-25 to 09-27). */
    private static final LocalDate EARLY_REVIEW = LocalDate.parse("2026-09-24");
    private static final String HR = "hrbureau";
    private static final EnumSet<TitleLevel> INTERMEDIATE = EnumSet.of(TitleLevel.INTERMEDIATE, TitleLevel.ASSISTANT);
    private static final EnumSet<TitleLevel> SENIOR = EnumSet.of(TitleLevel.DEPUTY_SENIOR);

    /** Injected so Quarkus keeps the bean the fixtures open rounds with, whichever module's code uses it. */
    @Inject
    ReviewRounds rounds;

    @Inject
    RoundService roundService;

    @BeforeEach
    void signInBeforeTheClockMoves() {
        RoundFixtures.clock().reset();
        for (String user : List.of(HR, "office2", "applicant")) {
            DemoUsers.token(user);
        }
    }

    @AfterEach
    void resetClock() {
        RoundFixtures.clock().reset();
    }

    @Test
    void R13_seniorPassRateAboveHalfBlocksThePassList() {
        TestCommittee senior = RoundFixtures.committee(SENIOR);
        TestRound round = RoundFixtures.round(senior, TitleLevel.DEPUTY_SENIOR, REVIEW, PASS, PASS, FAIL);
        on("2026-10-08");
        long version = version(round);
        long audited = audited(round.id());
        as(senior.office()).body(Map.of("version", version)).post(path(round, "pass-list")).then()
                .statusCode(422).body("rule", is("R13")).body("code", is("SENIOR_PASS_RATE_EXCEEDED"))
                .body("rate", is(0.6667f)).body("passed", is(2)).body("decided", is(3))
                .body("detail", containsString("HR bureau overrides the cap with a written reason"));
        // nothing written: the round, its deadlines and the audit trail are as they were
        assertEquals(RoundState.OPEN, round(round).state);
        assertEquals(version, version(round));
        assertEquals(audited, audited(round.id()));
        assertEquals(DeadlineState.OPEN, deadline(DeadlineKind.PASS_LIST, round.applications().get(0)).state);
        as(senior.office()).get("/api/rounds/" + round.id()).then().statusCode(200)
                .body("seniorPassRate.decided", is(3)).body("seniorPassRate.passed", is(2))
                .body("seniorPassRate.capExceeded", is(true)).body("seniorOverride", nullValue());

        // exactly half is within the cap ("不超过 50%"), and then there is nothing to override
        TestCommittee other = RoundFixtures.committee(SENIOR);
        TestRound half = RoundFixtures.round(other, TitleLevel.DEPUTY_SENIOR, REVIEW, PASS, FAIL);
        on("2026-10-08");
        as(HR).body(Map.of("reason", "本年度申报人员整体水平较高", "version", version(half)))
                .post(path(half, "senior-override")).then().statusCode(422).body("code", is("SENIOR_CAP_NOT_EXCEEDED"));
        as(other.office()).body(Map.of("version", version(half))).post(path(half, "pass-list")).then()
                .statusCode(200).body("state", is("PASS_LIST_SUBMITTED")).body("seniorPassRate.rate", is(0.5f))
                .body("seniorPassRate.capExceeded", is(false));
        // an intermediate committee has no senior cap at all
        TestRound intermediate = RoundFixtures.round(RoundFixtures.committee(INTERMEDIATE), TitleLevel.INTERMEDIATE,
                REVIEW, PASS);
        as(HR).get("/api/rounds/" + intermediate.id()).then().statusCode(200).body("seniorPassRate", nullValue());
    }

    @Test
    void R13_hrOverrideWithAReasonIsAuditedAndUnblocks() {
        TestCommittee senior = RoundFixtures.committee(SENIOR);
        TestRound round = RoundFixtures.round(senior, TitleLevel.DEPUTY_SENIOR, REVIEW, PASS, PASS, FAIL);
        on("2026-10-08");
        String reason = "该专业本年度申报人员业绩突出，经局务会研究同意超比例通过";
        as(HR).body(Map.of("reason", "同意", "version", version(round))).post(path(round, "senior-override")).then()
                .statusCode(400).body("code", is("VALIDATION_FAILED")).body("errors[0].field", is("reason"));
        as(senior.office()).body(Map.of("reason", reason, "version", version(round)))
                .post(path(round, "senior-override")).then().statusCode(403);
        as("office2").body(Map.of("version", version(round))).post(path(round, "pass-list")).then()
                .statusCode(404).body("code", is("ROUND_NOT_FOUND"));
        assertEquals(0, audited(round.id(), "ROUND_SENIOR_OVERRIDE"));

        as(HR).body(Map.of("reason", reason, "version", version(round))).post(path(round, "senior-override")).then()
                .statusCode(200).body("seniorOverride.reason", is(reason)).body("seniorOverride.by", is("王芳"))
                .body("seniorOverride.at", notNullValue()).body("state", is("OPEN"));
        AuditEvent event = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "subjectId = ?1 and action = ?2", round.id(), "ROUND_SENIOR_OVERRIDE").firstResult());
        assertEquals(Role.HR_BUREAU.name(), event.actorRole);
        assertTrue(event.note.contains(reason), event.note);
        assertTrue(event.note.contains("2/3"), event.note);

        as(senior.office()).body(Map.of("version", version(round))).post(path(round, "pass-list")).then()
                .statusCode(200).body("state", is("PASS_LIST_SUBMITTED"))
                .body("seniorPassRate.capExceeded", is(true));
        as(HR).body(Map.of("reason", reason + "（再次）", "version", version(round)))
                .post(path(round, "senior-override")).then().statusCode(409).body("code", is("SENIOR_OVERRIDE_EXISTS"));
    }

    @Test
    void R14_passListIsDueThreeWorkingDaysAfterTheReview() {
        TestCommittee committee = RoundFixtures.committee(INTERMEDIATE);
        TestRound round = RoundFixtures.round(committee, TitleLevel.INTERMEDIATE, REVIEW, PASS, FAIL, UNDECIDED);
        UUID passed = round.applications().get(0);
        UUID undecided = round.applications().get(2);
        // 09-30 + 3 working days: 10-01..10-07 are National Day, so 10-08, 10-09 and Saturday 10-10 (adjusted)
        as(committee.office()).get("/api/rounds/" + round.id()).then().statusCode(200)
                .body("reviewedOn", is("2026-09-30")).body("passListDueOn", is("2026-10-10"))
                .body("applications.size()", is(3));
        Deadline passList = deadline(DeadlineKind.PASS_LIST, passed);
        assertEquals(REVIEW, passList.startDate);
        assertEquals(LocalDate.parse("2026-10-10"), passList.dueDate);
        assertEquals(LocalDate.parse("2026-10-10"), deadline(DeadlineKind.PASS_LIST, round.applications().get(1))
                .dueDate);

        on("2026-10-09");
        long version = version(round);
        as(committee.office()).body(Map.of("version", version)).post(path(round, "pass-list")).then()
                .statusCode(422).body("rule", is("R14")).body("code", is("UNDECIDED_APPLICATIONS"))
                .body("applications.id", hasItem(undecided.toString())).body("applications.size()", is(1));
        assertEquals(version, version(round));
        assertEquals(DeadlineState.OPEN, deadline(DeadlineKind.PASS_LIST, passed).state);

        // its meeting closed the same day; the list goes in late, on Monday 10-12: taken, the lateness kept
        RoundFixtures.decideLater(committee, undecided, FAIL, REVIEW);
        on("2026-10-12");
        as(HR).post("/api/jobs/mark-overdue/runs").then().statusCode(200);
        assertEquals(DeadlineState.OVERDUE, deadline(DeadlineKind.PASS_LIST, passed).state);
        as(committee.office()).body(Map.of("version", version(round))).post(path(round, "pass-list")).then()
                .statusCode(200).body("state", is("PASS_LIST_SUBMITTED")).body("passListSubmittedAt", notNullValue());
        for (UUID application : round.applications()) {
            Deadline met = deadline(DeadlineKind.PASS_LIST, application);
            assertEquals(DeadlineState.MET, met.state);
            assertTrue(LocalDate.ofInstant(met.closedAt, ClockProducer.CHINA).isAfter(met.dueDate));
        }
        AuditEvent submitted = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "subjectId = ?1 and action = ?2", round.id(), "ROUND_PASS_LIST_SUBMIT").firstResult());
        assertTrue(submitted.note.contains("late: due 2026-10-10"), submitted.note);
    }

    @Test
    void R14_aLaterMeetingOfTheRoundCountsTheDeadlinesFromTheLastReview() {
        TestCommittee committee = RoundFixtures.committee(INTERMEDIATE);
        TestRound first = RoundFixtures.round(committee, TitleLevel.INTERMEDIATE, EARLY_REVIEW, PASS);
        assertEquals(LocalDate.parse("2026-09-30"), deadline(DeadlineKind.PASS_LIST, first.applications().get(0))
                .dueDate);
        TestRound second = RoundFixtures.round(committee, TitleLevel.INTERMEDIATE, REVIEW, FAIL);
        assertEquals(first.id(), second.id());
        for (UUID application : List.of(first.applications().get(0), second.applications().get(0))) {
            assertEquals(LocalDate.parse("2026-10-10"), deadline(DeadlineKind.PASS_LIST, application).dueDate);
            assertEquals(LocalDate.parse("2026-11-03"), deadline(DeadlineKind.FILING, application).dueDate);
        }
    }

    @Test
    void R14_resultsArePublishedOnlyAfterApproval() {
        TestCommittee committee = RoundFixtures.committee(INTERMEDIATE);
        TestRound round = RoundFixtures.round(committee, TitleLevel.INTERMEDIATE, REVIEW, PASS, FAIL);
        UUID passed = round.applications().get(0);
        on("2026-10-08");
        as(HR).body(Map.of("version", version(round))).post(path(round, "publish")).then()
                .statusCode(422).body("rule", is("R14")).body("code", is("PASS_LIST_NOT_APPROVED"));
        as(committee.office()).body(Map.of("version", version(round))).post(path(round, "pass-list")).then()
                .statusCode(200);
        long version = version(round);
        as(HR).body(Map.of("version", version)).post(path(round, "publish")).then()
                .statusCode(422).body("rule", is("R14")).body("code", is("PASS_LIST_NOT_APPROVED"));
        // nothing written: no publication, no notice period
        assertEquals(version, version(round));
        assertEquals(ApplicationState.PASSED, state(passed));
        assertFalse(QuarkusTransaction.requiringNew().call(() ->
                Deadline.findFor(DeadlineKind.RESULT_NOTICE, passed).isPresent()));

        as(committee.office()).body(Map.of("version", version)).post(path(round, "approve")).then().statusCode(403);
        as("office2").get("/api/rounds/" + round.id()).then().statusCode(404).body("code", is("ROUND_NOT_FOUND"));
        as("applicant").get("/api/rounds/" + round.id()).then().statusCode(403);
        as(HR).body(Map.of("reason", "请补充未通过人员的评审意见", "version", version)).post(path(round, "return")).then()
                .statusCode(200).body("state", is("OPEN")).body("returnedReason", is("请补充未通过人员的评审意见"));
        as(committee.office()).body(Map.of("version", version(round))).post(path(round, "pass-list")).then()
                .statusCode(200).body("returnedReason", nullValue());
        as(HR).body(Map.of("version", version(round))).post(path(round, "approve")).then()
                .statusCode(200).body("state", is("APPROVED")).body("approvedAt", notNullValue());
        as(HR).body(Map.of("version", version(round))).post(path(round, "publish")).then()
                .statusCode(200).body("state", is("NOTICE")).body("noticeStartsOn", is("2026-10-08"))
                .body("noticeRunning", is(true))
                .body("applications.find { it.id == '" + passed + "' }.state", is("RESULT_PUBLICITY"))
                .body("applications.find { it.id == '" + round.applications().get(1) + "' }.state", is("FAILED"));
    }

    @Test
    void R15_noticeShorterThanFiveWorkingDaysIsRefused() {
        TestRound round = approved(RoundFixtures.committee(INTERMEDIATE), EARLY_REVIEW, "2026-09-28", PASS);
        UUID passed = round.applications().get(0);
        on("2026-09-29");
        long version = version(round);
        // ten calendar days, but only 09-30 and 10-08 are working days
        as(HR).body(Map.of("noticeEndsOn", "2026-10-08", "version", version)).post(path(round, "publish")).then()
                .statusCode(422).body("rule", is("R15")).body("code", is("NOTICE_TOO_SHORT"))
                .body("earliestEnd", is("2026-10-12"));
        as(HR).body(Map.of("noticeEndsOn", "2026-10-10", "version", version)).post(path(round, "publish")).then()
                .statusCode(422).body("code", is("NOTICE_TOO_SHORT"));
        assertEquals(version, version(round));
        assertEquals(RoundState.APPROVED, round(round).state);
        assertEquals(ApplicationState.PASSED, state(passed));

        as(HR).body(Map.of("noticeEndsOn", "2026-10-12", "version", version)).post(path(round, "publish")).then()
                .statusCode(200).body("state", is("NOTICE")).body("noticeStartsOn", is("2026-09-29"))
                .body("noticeEndsOn", is("2026-10-12"));
        assertEquals(LocalDate.parse("2026-10-12"), deadline(DeadlineKind.RESULT_NOTICE, passed).dueDate);
    }

    @Test
    void R15_objectionIsAnsweredWithinTenWorkingDays() {
        TestRound round = approved(RoundFixtures.committee(INTERMEDIATE), EARLY_REVIEW, "2026-09-28", PASS, FAIL);
        UUID passed = round.applications().get(0);
        UUID failed = round.applications().get(1);
        on("2026-09-29");
        as(HR).body(Map.of("version", version(round))).post(path(round, "publish")).then().statusCode(200)
                .body("noticeEndsOn", is("2026-10-12"));
        String notices = given().get("/api/public/notices").then().statusCode(200)
                .body("find { it.roundId == '" + round.id() + "' }.running", is(true))
                .body("find { it.roundId == '" + round.id() + "' }.entries.applicationId", hasItem(passed.toString()))
                .body("find { it.roundId == '" + round.id() + "' }.entries.applicationId",
                        not(hasItem(failed.toString())))
                .body("find { it.roundId == '" + round.id() + "' }.entries[0].name", is("张伟"))
                .body("find { it.roundId == '" + round.id() + "' }.entries[0].unitName", is("潍坊市电力设计研究院"))
                .extract().asString();
        assertFalse(notices.contains("3707") || notices.contains("idNumber"), "a notice never shows ID numbers");

        on("2026-09-30");
        given().contentType("application/json").body(Map.of("applicationId", passed, "raisedBy", "李某",
                "content", "业绩材料存疑")).post("/api/public/notices/" + round.id() + "/objections").then()
                .statusCode(400).body("errors.field", hasItem("contact"));
        given().contentType("application/json").body(objection(failed))
                .post("/api/public/notices/" + round.id() + "/objections").then()
                .statusCode(422).body("code", is("NOT_ON_NOTICE"));
        // raised on 09-30: 10 working days skip National Day and count Saturday 10-10
        String id = given().contentType("application/json").body(objection(passed))
                .post("/api/public/notices/" + round.id() + "/objections").then()
                .statusCode(201).body("answerDueOn", is("2026-10-20")).extract().path("id");
        Deadline answer = deadline(DeadlineKind.OBJECTION_ANSWER, UUID.fromString(id));
        assertEquals(SubjectType.OBJECTION, answer.subjectType);
        assertEquals(Role.HR_BUREAU, answer.ownerRole);
        assertEquals(LocalDate.parse("2026-10-20"), answer.dueDate);
        assertEquals("R15", answer.rule);
        assertEquals(DemoUsers.actor(HR).unitId(), answer.ownerUnitId);

        Response view = as(HR).get("/api/rounds/" + round.id());
        view.then().statusCode(200).body("objections[0].id", is(id)).body("objections[0].answerDueOn", is("2026-10-20"))
                .body("objections[0].raisedBy", is("王某")).body("objections[0].decision", nullValue())
                .body("objections[0].applicantName", is("张伟"));
        int objectionVersion = view.path("objections[0].version");
        String decision = "/api/rounds/" + round.id() + "/objections/" + id + "/decision";
        on("2026-10-16");
        as(HR).body(Map.of("decision", "DISMISSED", "explanation", "经核查，业绩材料真实有效", "version", objectionVersion))
                .post(decision).then().statusCode(200).body("objections[0].decision", is("DISMISSED"))
                .body("objections[0].explanation", is("经核查，业绩材料真实有效"));
        assertEquals(DeadlineState.MET, deadline(DeadlineKind.OBJECTION_ANSWER, UUID.fromString(id)).state);
        assertEquals(ApplicationState.RESULT_PUBLICITY, state(passed));
        as(HR).body(Map.of("decision", "UPHELD", "explanation", "改判", "version", objectionVersion + 1))
                .post(decision).then().statusCode(409).body("code", is("OBJECTION_DECIDED"));

        // after the notice's last day nobody may object any more
        on("2026-10-13");
        given().contentType("application/json").body(objection(passed))
                .post("/api/public/notices/" + round.id() + "/objections").then()
                .statusCode(422).body("rule", is("R15")).body("code", is("NOTICE_NOT_RUNNING"))
                .body("noticeEndsOn", is("2026-10-12"));
    }

    @Test
    void R15_filingWhileTheNoticeRunsIsRefused() {
        TestRound round = approved(RoundFixtures.committee(INTERMEDIATE), EARLY_REVIEW, "2026-09-28", PASS);
        UUID passed = round.applications().get(0);
        on("2026-09-29");
        as(HR).body(Map.of("version", version(round))).post(path(round, "publish")).then().statusCode(200);
        on("2026-10-09");
        String id = given().contentType("application/json").body(objection(passed))
                .post("/api/public/notices/" + round.id() + "/objections").then().statusCode(201).extract().path("id");
        on("2026-10-12");
        long version = version(round);
        long audited = audited(round.id());
        as(HR).body(Map.of("version", version)).post(path(round, "file")).then()
                .statusCode(422).body("rule", is("R15")).body("code", is("NOTICE_RUNNING"))
                .body("noticeEndsOn", is("2026-10-12"));
        on("2026-10-13");
        as(HR).body(Map.of("version", version)).post(path(round, "file")).then()
                .statusCode(422).body("rule", is("R15")).body("code", is("OBJECTION_UNANSWERED"))
                .body("objections", hasItem(id));
        assertEquals(version, version(round));
        assertEquals(audited, audited(round.id()));
        assertEquals(ApplicationState.RESULT_PUBLICITY, state(passed));
        assertEquals(DeadlineState.OPEN, deadline(DeadlineKind.FILING, passed).state);

        long objectionVersion = QuarkusTransaction.requiringNew()
                .call(() -> Objection.<Objection>findById(UUID.fromString(id)).version);
        as(HR).body(Map.of("decision", "DISMISSED", "explanation", "异议不成立", "version", objectionVersion))
                .post("/api/rounds/" + round.id() + "/objections/" + id + "/decision").then().statusCode(200);
        as(HR).body(Map.of("version", version(round))).post(path(round, "file")).then()
                .statusCode(200).body("state", is("FILED")).body("filedAt", notNullValue());
        assertEquals(ApplicationState.FILED, state(passed));
        given().get("/api/public/notices").then().statusCode(200)
                .body("find { it.roundId == '" + round.id() + "' }.running", is(false));
    }

    @Test
    void R15_upheldObjectionFailsTheApplication() {
        TestRound round = approved(RoundFixtures.committee(INTERMEDIATE), EARLY_REVIEW, "2026-09-28", PASS, PASS);
        UUID contested = round.applications().get(0);
        on("2026-09-29");
        as(HR).body(Map.of("version", version(round))).post(path(round, "publish")).then().statusCode(200);
        on("2026-09-30");
        String id = given().contentType("application/json").body(objection(contested))
                .post("/api/public/notices/" + round.id() + "/objections").then().statusCode(201).extract().path("id");
        String decision = "/api/rounds/" + round.id() + "/objections/" + id + "/decision";
        on("2026-10-08");
        as(HR).body(Map.of("decision", "UPHELD", "version", 0)).post(decision).then()
                .statusCode(400).body("errors.field", hasItem("explanation"));
        as(HR).body(Map.of("decision", "UPHELD", "explanation", "论文系代写，经核实异议成立", "version", 0))
                .post(decision).then().statusCode(200)
                .body("applications.find { it.id == '" + contested + "' }.state", is("FAILED"))
                .body("objections[0].decision", is("UPHELD"));
        assertEquals(ApplicationState.FAILED, state(contested));
        assertEquals(ApplicationState.RESULT_PUBLICITY, state(round.applications().get(1)));
        assertEquals(1, audited(contested, "UPHOLD_RESULT_OBJECTION"));
        assertEquals(1, audited(UUID.fromString(id), "OBJECTION_DECIDE"));
        given().get("/api/public/notices").then().statusCode(200)
                .body("find { it.roundId == '" + round.id() + "' }.entries.applicationId",
                        not(hasItem(contested.toString())));
        as(HR).get("/api/rounds/" + round.id()).then().body("seniorPassRate", nullValue());
    }

    @Test
    void R16_filingIsDueTwentyWorkingDaysAfterTheReview() {
        TestCommittee committee = RoundFixtures.committee(INTERMEDIATE);
        TestRound round = RoundFixtures.round(committee, TitleLevel.INTERMEDIATE, REVIEW, PASS, FAIL);
        // 09-30 + 20 working days: 10-08, 10-09, 10-10 (adjusted), 10-12..16, 10-19..23, 10-26..30, 11-02, 11-03
        as(HR).get("/api/rounds/" + round.id()).then().statusCode(200).body("filingDueOn", is("2026-11-03"));
        for (UUID application : round.applications()) {
            assertEquals(LocalDate.parse("2026-11-03"), deadline(DeadlineKind.FILING, application).dueDate);
            assertEquals(Role.HR_BUREAU, deadline(DeadlineKind.FILING, application).ownerRole);
        }
        on("2026-10-08");
        as(committee.office()).body(Map.of("version", version(round))).post(path(round, "pass-list")).then()
                .statusCode(200);
        as(HR).body(Map.of("version", version(round))).post(path(round, "approve")).then().statusCode(200);
        as(HR).body(Map.of("version", version(round))).post(path(round, "publish")).then().statusCode(200)
                .body("noticeEndsOn", is("2026-10-14"));
        // filed late, on 11-04: accepted, and both filings (the failed one's too) are met after their due date
        on("2026-11-04");
        as(HR).body(Map.of("version", version(round))).post(path(round, "file")).then()
                .statusCode(200).body("state", is("FILED"));
        for (UUID application : round.applications()) {
            Deadline filing = deadline(DeadlineKind.FILING, application);
            assertEquals(DeadlineState.MET, filing.state);
            assertEquals(LocalDate.parse("2026-11-04"), LocalDate.ofInstant(filing.closedAt, ClockProducer.CHINA));
        }
        assertEquals(ApplicationState.FILED, state(round.applications().get(0)));
        assertEquals(ApplicationState.FAILED, state(round.applications().get(1)));
    }

    @Test
    void R16_statisticsTableDownloadsAsExcel() throws Exception {
        TestCommittee committee = RoundFixtures.committee(INTERMEDIATE);
        TestRound round = RoundFixtures.decide(committee, REVIEW, List.of(
                new Decision(TitleLevel.INTERMEDIATE, "电气工程", PASS),
                new Decision(TitleLevel.INTERMEDIATE, "电气工程", PASS),
                new Decision(TitleLevel.INTERMEDIATE, "电气工程", FAIL),
                new Decision(TitleLevel.ASSISTANT, "电气工程", PASS),
                new Decision(TitleLevel.INTERMEDIATE, "结构工程", FAIL)));
        on("2026-10-08");
        Response response = as(committee.office()).get(path(round, "statistics.xlsx"));
        response.then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", containsString("attachment"))
                .header("Content-Disposition", containsString("filename*=UTF-8''2026"));
        Map<String, String> cells = XlsxReading.cells(response.asByteArray());
        assertEquals("2026年度职称评审结果统计表", cells.get("A1"));
        assertTrue(cells.get("A2").contains("评审日期：2026-09-30"), cells.get("A2"));
        List<String> header = new ArrayList<>();
        for (char column = 'A'; column <= 'L'; column++) {
            header.add(cells.get(column + "3"));
        }
        assertEquals(List.of("序号", "系列", "专业", "评审级别", "受理人数", "参评人数", "通过人数", "未通过人数", "通过率",
                "公示异议（件）", "异议成立（件）", "备注"), header);
        // rows by series, level (senior first) and specialty: 中级 电气工程, 中级 结构工程, 助理级 电气工程, total
        assertEquals(List.of("1", "工程技术", "电气工程", "中级", "3", "3", "2", "1"), row(cells, 4, 'H'));
        assertEquals(2.0 / 3, Double.parseDouble(cells.get("I4")), 1e-9);
        assertEquals(List.of("2", "工程技术", "结构工程", "中级", "1", "1", "0", "1"), row(cells, 5, 'H'));
        assertEquals(List.of("3", "工程技术", "电气工程", "助理级", "1", "1", "1", "0"), row(cells, 6, 'H'));
        assertEquals(List.of("合计", "5", "5", "3", "2"), List.of(cells.get("B7"), cells.get("E7"), cells.get("F7"),
                cells.get("G7"), cells.get("H7")));
        assertEquals(0.6, Double.parseDouble(cells.get("I7")), 1e-9);

        as(HR).get(path(round, "statistics.xlsx")).then().statusCode(200);
        as("office2").get(path(round, "statistics.xlsx")).then().statusCode(404);
        as("applicant").get(path(round, "statistics.xlsx")).then().statusCode(403);
        given().get(path(round, "statistics.xlsx")).then().statusCode(401);
    }

    @Test
    void R17_roundCarriesTheYearEndDeadlines() {
        TestCommittee committee = RoundFixtures.committee(INTERMEDIATE);
        TestRound round = RoundFixtures.round(committee, TitleLevel.INTERMEDIATE, REVIEW, PASS);
        as(committee.office()).get("/api/rounds/" + round.id()).then().statusCode(200)
                .body("deadlines.find { it.kind == 'INTERMEDIATE_FINISH' }.dueDate", is("2026-11-30"))
                .body("deadlines.find { it.kind == 'INTERMEDIATE_SUMMARY' }.dueDate", is("2026-12-31"))
                .body("deadlines.find { it.kind == 'INTERMEDIATE_SUMMARY' }.rule", is("R17"))
                .body("deadlines.state", not(hasItem("MET")));
        as(committee.office()).get("/api/deadlines").then().statusCode(200)
                .body("find { it.subjectId == '" + round.id() + "' && it.kind == 'INTERMEDIATE_FINISH' }.dueDate",
                        is("2026-11-30"));
        TestRound junior = RoundFixtures.round(RoundFixtures.committee(EnumSet.of(TitleLevel.ASSISTANT)),
                TitleLevel.ASSISTANT, REVIEW, PASS);
        as(HR).get("/api/rounds/" + junior.id()).then().statusCode(200)
                .body("deadlines.kind", is(List.of("JUNIOR_FINISH"))).body("deadlines[0].dueDate", is("2026-12-31"));
        TestRound senior = RoundFixtures.round(RoundFixtures.committee(SENIOR), TitleLevel.DEPUTY_SENIOR, REVIEW, FAIL);
        as(HR).get("/api/rounds/" + senior.id()).then().statusCode(200).body("deadlines", empty());

        on("2026-10-08");
        as(committee.office()).body(Map.of("content", "年度总结", "version", version(round)))
                .post(path(round, "summary")).then().statusCode(409).body("code", is("ILLEGAL_ROUND_STEP"));
        as(committee.office()).body(Map.of("version", version(round))).post(path(round, "pass-list")).then()
                .statusCode(200).body("deadlines.find { it.kind == 'INTERMEDIATE_FINISH' }.state", is("MET"));
        as(HR).body(Map.of("version", version(round))).post(path(round, "approve")).then().statusCode(200);
        as(HR).body(Map.of("version", version(round))).post(path(round, "publish")).then().statusCode(200);
        on("2026-10-15");
        as(HR).body(Map.of("version", version(round))).post(path(round, "file")).then().statusCode(200);
        String summary = "2026年度共受理中级职称申报1人，评审通过1人；评审工作严格按程序进行。";
        as(committee.office()).body(Map.of("content", summary, "version", version(round)))
                .post(path(round, "summary")).then().statusCode(200)
                .body("summary.content", is(summary)).body("summary.at", notNullValue())
                .body("deadlines.find { it.kind == 'INTERMEDIATE_SUMMARY' }.state", is("MET"));
        as(committee.office()).get("/api/rounds").then().statusCode(200).body("id", is(List.of(round.id().toString())))
                .body("[0].summary.content", is(summary)).body("[0].applications", nullValue());
        // the bureau's list spans every test's rounds; read through the service, since the test event server of
        // quarkus-amazon-lambda-http stalls on responses above about 8 KB (quarkusio/quarkus#38502)
        List<UUID> bureauRounds = QuarkusTransaction.requiringNew().call(() -> roundService.list(DemoUsers.actor(HR))
                .stream().map(r -> r.id).toList());
        assertTrue(bureauRounds.contains(round.id()));
    }

    @Test
    void twoHrStaffApprovingTheSameRoundAtOnceGetOne200AndOne409() throws Exception {
        TestCommittee committee = RoundFixtures.committee(INTERMEDIATE);
        TestRound round = RoundFixtures.round(committee, TitleLevel.INTERMEDIATE, REVIEW, PASS);
        String colleague = RoundFixtures.hrStaff();
        on("2026-10-08");
        as(committee.office()).body(Map.of("version", version(round))).post(path(round, "pass-list")).then()
                .statusCode(200);
        long version = version(round);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String user : List.of(HR, colleague)) {
                Callable<Integer> approve = () -> {
                    start.await();
                    return as(user).body(Map.of("version", version)).post(path(round, "approve")).statusCode();
                };
                answers.add(pool.submit(approve));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(RoundState.APPROVED, round(round).state);
        assertEquals(1, audited(round.id(), "ROUND_APPROVE"));
    }

    /** A round reviewed on a day, its pass list submitted and approved on another. */
    private TestRound approved(TestCommittee committee, LocalDate reviewedOn, String approvedOn,
            RoundFixtures.Outcome... outcomes) {
        TestRound round = RoundFixtures.round(committee, TitleLevel.INTERMEDIATE, reviewedOn, outcomes);
        on(approvedOn);
        as(committee.office()).body(Map.of("version", version(round))).post(path(round, "pass-list")).then()
                .statusCode(200);
        as(HR).body(Map.of("version", version(round))).post(path(round, "approve")).then().statusCode(200);
        return round;
    }

    private static Map<String, Object> objection(UUID applicationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("applicationId", applicationId);
        body.put("raisedBy", "王某");
        body.put("contact", "13800000000");
        body.put("content", "该申报人的业绩材料与实际不符");
        return body;
    }

    private static List<String> row(Map<String, String> cells, int row, char lastColumn) {
        List<String> values = new ArrayList<>();
        for (char column = 'A'; column <= lastColumn; column++) {
            values.add(cells.get(column + Integer.toString(row)));
        }
        return values;
    }

    private static void on(String day) {
        RoundFixtures.clock().set(LocalDate.parse(day).atTime(10, 0).atZone(ClockProducer.CHINA).toInstant());
    }

    private static String path(TestRound round, String step) {
        return "/api/rounds/" + round.id() + "/" + step;
    }

    private static ReviewRound round(TestRound round) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewRound.findById(round.id()));
    }

    private static long version(TestRound round) {
        return round(round).version;
    }

    private static ApplicationState state(UUID application) {
        return QuarkusTransaction.requiringNew().call(() -> Application.<Application>findById(application).state());
    }

    private static Deadline deadline(DeadlineKind kind, UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> Deadline.findFor(kind, subject).orElseThrow());
    }

    private static long audited(UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("subjectId", subject));
    }

    private static long audited(UUID subject, String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("subjectId = ?1 and action = ?2",
                subject, action));
    }
}
