package cn.zhicheng.submit;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.application.Objection;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.time.SettableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The employer unit's side: first review (R6), publicity, objections and attachments (R7), recommendation (R4). */
@QuarkusTest
class UnitPublicityTest {

    @Inject
    Clock clock;

    @AfterEach
    void resetClock() {
        SettableClock.of(clock).reset();
    }

    private static Map<String, Object> recommendBody(long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitPledgeAccepted", true);
        body.put("diplomaVerification", "DIPLOMA_DATABASE");
        body.put("degreeVerification", "DEGREE_DATABASE");
        body.put("comment", "同意推荐");
        body.put("version", version);
        return body;
    }

    private static LocalDate endsOn(JsonPath application) {
        return LocalDate.parse(application.getString("publicityEndsOn"));
    }

    private static long objections(String applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> Objection.count("applicationId",
                UUID.fromString(applicationId)));
    }

    private static JsonPath raise(String applicationId, String key) {
        var request = as("unit");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(Map.of("raisedBy", "王五", "contact", "13800000000", "content", "业绩材料与实际不符"))
                .post("/api/unit/applications/" + applicationId + "/objections")
                .then().statusCode(201).extract().jsonPath();
    }

    private static void decide(String applicationId, JsonPath objection, String decision) {
        as("unit").body(Map.of("decision", decision, "explanation", "经核实", "version", objection.getLong("version")))
                .post("/api/unit/applications/" + applicationId + "/objections/" + objection.getString("id")
                        + "/decision")
                .then().statusCode(200).body("decision", is(decision));
    }

    /** Refuses a recommendation with the rule and code, and checks nothing was written. */
    private static JsonPath refuseRecommendation(String id, Map<String, Object> body, int status, String rule,
            String code) {
        String before = SubmitFlow.stateAndVersion(id);
        JsonPath problem = as("unit").body(body).post("/api/unit/applications/" + id + "/recommend")
                .then().statusCode(status).contentType("application/problem+json")
                .body("rule", is(rule)).body("code", is(code)).extract().jsonPath();
        assertEquals(before, SubmitFlow.stateAndVersion(id), "the application is unchanged");
        assertEquals(0, SubmitFlow.audited(id, "RECOMMEND"), "no recommendation in the audit trail");
        return problem;
    }

    @Test
    void R6_unitReviewRecordsTheReviewer() {
        JsonPath reviewed = SubmitFlow.inPublicity(SubmitFlow.draftBody());
        String id = reviewed.getString("id");
        assertEquals("李娜", reviewed.getString("unitReview.by"));
        Application stored = QuarkusTransaction.requiringNew().call(() -> Application.findById(UUID.fromString(id)));
        assertEquals(DemoUsers.actor("unit").accountId(), stored.unitReviewedBy);
        assertEquals(Instant.parse(reviewed.getString("unitReview.at")), stored.unitReviewedAt);
        // the applicant sees who reviewed it too (the unit's whole work list is not fetched here: the Lambda mock
        // event server hangs on responses over 8 KB, quarkusio/quarkus#38502, and the list grows with every test)
        as("applicant").get("/api/applications/" + id).then().statusCode(200)
                .body("unitReview.by", is("李娜")).body("unitReview.at", not(nullValue()));
    }

    @Test
    void R6_theUnitOpensOneApplicationWithItsObjectionsAndHistoryButNotADraft() {
        String id = SubmitFlow.inPublicity(SubmitFlow.draftBody()).getString("id");
        JsonPath objection = raise(id, null);
        as("unit").get("/api/unit/applications/" + id).then().statusCode(200)
                .body("state", is("UNIT_PUBLICITY")).body("unitReview.by", is("李娜"))
                .body("objections.id", contains(objection.getString("id")))
                .body("history.action", hasItem("UNIT_REVIEW")).body("actions", hasItem("recommend"));
        String draft = SubmitFlow.create(SubmitFlow.draftBody()).getString("id");
        as("unit").get("/api/unit/applications/" + draft).then().statusCode(404)
                .body("code", is("APPLICATION_NOT_FOUND"));
        as("hrbureau").get("/api/unit/applications/" + id).then().statusCode(403);
    }

    @Test
    void R7_theReviewStartsAPublicityOfFiveWorkingDaysCountedByTheDeadlineEngine() {
        JsonPath reviewed = SubmitFlow.inPublicity(SubmitFlow.draftBody());
        UUID id = UUID.fromString(reviewed.getString("id"));
        Deadline deadline = QuarkusTransaction.requiringNew().call(
                () -> Deadline.findFor(DeadlineKind.UNIT_PUBLICITY, id).orElseThrow());
        assertEquals(deadline.dueDate, endsOn(reviewed), "one calendar computation");
        assertEquals(SubmitFlow.today(clock), deadline.startDate);
        assertTrue(endsOn(reviewed).isAfter(SubmitFlow.today(clock).plusDays(4)), "at least 5 days on");
    }

    @Test
    void R7_anObjectionIsRecordedOnceWithAnIdempotencyKeyAndShownOnTheApplication() {
        JsonPath reviewed = SubmitFlow.inPublicity(SubmitFlow.draftBody());
        String id = reviewed.getString("id");
        String key = "objection-" + UUID.randomUUID();
        JsonPath first = raise(id, key);
        assertEquals("UNIT_PUBLICITY", first.getString("stage"));
        assertEquals(first.getString("id"), raise(id, key).getString("id"));
        assertEquals(1, objections(id));
        assertEquals(1, SubmitFlow.audited(first.getString("id"), "OBJECTION_RECORDED"));
        as("unit").get("/api/applications/" + id).then().statusCode(403);
        as("applicant").get("/api/applications/" + id).then().statusCode(200)
                .body("objections.id", contains(first.getString("id")))
                .body("objections[0].raisedBy", is("王五")).body("objections[0].decision", nullValue());
        // the same key on another application is refused rather than answered with this one's objection
        String other = SubmitFlow.inPublicity(SubmitFlow.draftBody()).getString("id");
        as("unit").header("Idempotency-Key", key)
                .body(Map.of("raisedBy", "王五", "content", "x")).post("/api/unit/applications/" + other + "/objections")
                .then().statusCode(422).body("code", is("IDEMPOTENCY_KEY_REUSED"));
        assertEquals(0, objections(other));
    }

    @Test
    void R7_anObjectionOnTheLastDayOfThePublicityIsRecordedAndOneAfterItIsRefused() {
        JsonPath reviewed = SubmitFlow.inPublicity(SubmitFlow.draftBody());
        String id = reviewed.getString("id");
        SubmitFlow.setDay(clock, endsOn(reviewed));
        raise(id, null);
        SubmitFlow.setDay(clock, endsOn(reviewed).plusDays(1));
        as("unit").body(Map.of("raisedBy", "王五", "content", "迟到的异议"))
                .post("/api/unit/applications/" + id + "/objections")
                .then().statusCode(422).body("rule", is("R7")).body("code", is("PUBLICITY_OVER"))
                .body("publicityEndsOn", is(endsOn(reviewed).toString()));
        assertEquals(1, objections(id), "nothing more was written");
    }

    @Test
    void R7_noObjectionBeforeThePublicityStarts() {
        String id = SubmitFlow.submitted(SubmitFlow.draftBody()).getString("id");
        as("unit").body(Map.of("raisedBy", "王五", "content", "异议"))
                .post("/api/unit/applications/" + id + "/objections")
                .then().statusCode(422).body("rule", is("R7")).body("code", is("PUBLICITY_NOT_STARTED"));
        assertEquals(0, objections(id));
    }

    @Test
    void R7_anObjectionIsDecidedOnceWithAnExplanationAndTheDecisionIsAudited() {
        String id = SubmitFlow.inPublicity(SubmitFlow.draftBody()).getString("id");
        JsonPath objection = raise(id, null);
        String path = "/api/unit/applications/" + id + "/objections/" + objection.getString("id") + "/decision";
        as("unit").body(Map.of("decision", "DISMISSED", "version", objection.getLong("version"))).post(path)
                .then().statusCode(400).body("errors.field", hasItem("explanation"));
        as("unit").body(Map.of("decision", "DISMISSED", "explanation", "x",
                "version", objection.getLong("version") + 1)).post(path).then().statusCode(409).body("code", is("STALE_VERSION"));
        as("unit").body(Map.of("decision", "DISMISSED", "explanation", "经核实，材料属实",
                "version", objection.getLong("version"))).post(path)
                .then().statusCode(200).body("decision", is("DISMISSED")).body("explanation", is("经核实，材料属实"))
                .body("decidedAt", not(nullValue()));
        as("unit").body(Map.of("decision", "UPHELD", "explanation", "改判", "version", objection.getLong("version") + 1))
                .post(path).then().statusCode(409).body("code", is("OBJECTION_ALREADY_DECIDED"));
        assertEquals(1, SubmitFlow.audited(objection.getString("id"), "OBJECTION_DECIDED"));
        as("applicant").get("/api/applications/" + id).then()
                .body("objections[0].decision", is("DISMISSED"));
        as("unit").body(Map.of("decision", "UPHELD", "explanation", "x", "version", 0))
                .post("/api/unit/applications/" + id + "/objections/" + UUID.randomUUID() + "/decision")
                .then().statusCode(404).body("code", is("OBJECTION_NOT_FOUND"));
    }

    @Test
    void R7_recommendationBeforePublicityEndsIsRefused() throws Exception {
        JsonPath reviewed = SubmitFlow.inPublicity(SubmitFlow.draftBody());
        String id = reviewed.getString("id");
        SubmitFlow.attachAll(id);
        Map<String, Object> body = recommendBody(reviewed.getLong("version"));
        refuseRecommendation(id, body, 422, "R7", "PUBLICITY_NOT_ENDED");
        // the last day still belongs to the publicity
        SubmitFlow.setDay(clock, endsOn(reviewed));
        JsonPath problem = refuseRecommendation(id, body, 422, "R7", "PUBLICITY_NOT_ENDED");
        assertEquals(endsOn(reviewed).toString(), problem.getString("publicityEndsOn"));
        SubmitFlow.setDay(clock, endsOn(reviewed).plusDays(1));
        as("unit").body(body).post("/api/unit/applications/" + id + "/recommend")
                .then().statusCode(200).body("state", is("RECOMMENDED"));
    }

    @Test
    void R7_undecidedObjectionBlocksRecommendation() throws Exception {
        JsonPath reviewed = SubmitFlow.inPublicity(SubmitFlow.draftBody());
        String id = reviewed.getString("id");
        SubmitFlow.attachAll(id);
        JsonPath objection = raise(id, null);
        SubmitFlow.setDay(clock, endsOn(reviewed).plusDays(1));
        refuseRecommendation(id, recommendBody(reviewed.getLong("version")), 422, "R7", "OBJECTION_UNDECIDED");
        // deciding stays possible after the last day, and a dismissed objection lets the unit recommend
        decide(id, objection, "DISMISSED");
        as("unit").body(recommendBody(reviewed.getLong("version"))).post("/api/unit/applications/" + id + "/recommend")
                .then().statusCode(200).body("state", is("RECOMMENDED"));
    }

    @Test
    void R7_upheldObjectionBlocksRecommendation() throws Exception {
        JsonPath reviewed = SubmitFlow.inPublicity(SubmitFlow.draftBody());
        String id = reviewed.getString("id");
        SubmitFlow.attachAll(id);
        decide(id, raise(id, null), "UPHELD");
        SubmitFlow.setDay(clock, endsOn(reviewed).plusDays(1));
        JsonPath problem = refuseRecommendation(id, recommendBody(reviewed.getLong("version")), 422, "R7",
                "OBJECTION_UPHELD");
        assertTrue(problem.getString("detail").contains("return"), "tells the unit what it can do");
        // the unit can only return it
        as("unit").body(Map.of("reason", "公示异议成立", "version", reviewed.getLong("version")))
                .post("/api/unit/applications/" + id + "/return").then().statusCode(200).body("state", is("DRAFT"));
    }

    @Test
    void R7_aReturnedApplicationReviewedAgainRunsAFreshPublicityOfItsOwn() throws Exception {
        SubmitFlow.setDay(clock, LocalDate.of(2026, 9, 1));
        JsonPath first = SubmitFlow.inPublicity(SubmitFlow.draftBody());
        String id = first.getString("id");
        assertEquals(LocalDate.of(2026, 9, 8), endsOn(first));
        SubmitFlow.attachAll(id);
        decide(id, raise(id, null), "UPHELD");
        SubmitFlow.setDay(clock, LocalDate.of(2026, 9, 2));
        long returned = as("unit").body(Map.of("reason", "公示异议成立，请修改", "version", first.getLong("version")))
                .post("/api/unit/applications/" + id + "/return").then().statusCode(200).extract().jsonPath()
                .getLong("version");
        SubmitFlow.setDay(clock, LocalDate.of(2026, 9, 3));
        long resubmitted = as("applicant").body(Map.of("pledgeAccepted", true, "version", returned))
                .post("/api/applications/" + id + "/submit").then().statusCode(200).extract().jsonPath()
                .getLong("version");
        JsonPath second = as("unit").body(Map.of("comment", "已修改", "version", resubmitted))
                .post("/api/unit/applications/" + id + "/review").then().statusCode(200).extract().jsonPath();
        // five working days from the second review, not the first review's end
        assertEquals(LocalDate.of(2026, 9, 10), endsOn(second));
        SubmitFlow.setDay(clock, LocalDate.of(2026, 9, 9));
        refuseRecommendation(id, recommendBody(second.getLong("version")), 422, "R7", "PUBLICITY_NOT_ENDED");
        // after the new publicity, the objection upheld in the first one no longer blocks: the return answered it
        SubmitFlow.setDay(clock, LocalDate.of(2026, 9, 11));
        as("unit").body(recommendBody(second.getLong("version"))).post("/api/unit/applications/" + id + "/recommend")
                .then().statusCode(200).body("state", is("RECOMMENDED"));
    }

    @Test
    void R7_recommendationNeedsTheThreeUploadedAttachments() throws Exception {
        JsonPath reviewed = SubmitFlow.inPublicity(SubmitFlow.draftBody());
        String id = reviewed.getString("id");
        SubmitFlow.attach(id, "SUPERVISION_CARD");
        // declared but never uploaded: still missing
        as("unit").body(Map.of("kind", "APPRAISAL_FORM", "title", "评议表", "fileName", "a.pdf",
                "contentType", "application/pdf", "size", 10))
                .post("/api/unit/applications/" + id + "/attachments").then().statusCode(201);
        SubmitFlow.setDay(clock, endsOn(reviewed).plusDays(1));
        JsonPath problem = refuseRecommendation(id, recommendBody(reviewed.getLong("version")), 422, "R7",
                "RECOMMENDATION_INCOMPLETE");
        assertEquals(List.of("APPRAISAL_FORM", "PUBLICITY_RECORD"), problem.getList("missing"));
    }

    @Test
    void R7_unitAttachmentsOnlyDuringThePublicityAndOnlyOfTheUnitsKinds() throws Exception {
        String submitted = SubmitFlow.submitted(SubmitFlow.draftBody()).getString("id");
        Map<String, Object> card = new HashMap<>(Map.of("kind", "SUPERVISION_CARD", "title", "监督卡",
                "fileName", "card.pdf", "contentType", "application/pdf", "size", 10));
        as("unit").body(card).post("/api/unit/applications/" + submitted + "/attachments")
                .then().statusCode(409).body("code", is("NOT_IN_PUBLICITY"));

        JsonPath reviewed = SubmitFlow.inPublicity(SubmitFlow.draftBody());
        String id = reviewed.getString("id");
        card.put("kind", "APPLICANT");
        as("unit").body(card).post("/api/unit/applications/" + id + "/attachments")
                .then().statusCode(422).body("rule", is("R7")).body("code", is("ATTACHMENT_KIND_NOT_ALLOWED"));
        card.put("kind", "SEAL");
        as("unit").body(card).post("/api/unit/applications/" + id + "/attachments")
                .then().statusCode(400).body("code", is("MALFORMED_JSON"));
        assertEquals(0, evidenceCount(submitted) + evidenceCount(id), "nothing was written");
        as("applicant").body(card).post("/api/unit/applications/" + id + "/attachments").then().statusCode(403);

        String cardId = SubmitFlow.attach(id, "SUPERVISION_CARD");
        // a returned draft still carries the unit's attachment; the applicant cannot remove or replace it
        as("unit").body(Map.of("reason", "补充材料", "version", reviewed.getLong("version")))
                .post("/api/unit/applications/" + id + "/return").then().statusCode(200);
        as("applicant").delete("/api/applications/" + id + "/evidence/" + cardId)
                .then().statusCode(403).body("code", is("UNIT_ATTACHMENT"));
        as("applicant").get("/api/applications/" + id).then().body("evidence.kind", contains("SUPERVISION_CARD"));
    }

    @Test
    void R7_theApplicantsEvidenceRouteDoesNotTakeTheUnitsKinds() {
        String id = SubmitFlow.create(SubmitFlow.draftBody()).getString("id");
        as("applicant").body(Map.of("kind", "PUBLICITY_RECORD", "title", "公示情况", "fileName", "p.pdf",
                "contentType", "application/pdf", "size", 10))
                .post("/api/applications/" + id + "/evidence")
                .then().statusCode(422).body("rule", is("R7")).body("code", is("EVIDENCE_KIND_NOT_ALLOWED"));
        assertEquals(0, evidenceCount(id));
    }

    @Test
    void R4_diplomaDatabaseOnlyForGraduatesFrom2002() throws Exception {
        Map<String, Object> draft = SubmitFlow.draftBody();
        draft.put("graduationYear", 2001);
        JsonPath reviewed = SubmitFlow.inPublicity(draft);
        String id = reviewed.getString("id");
        SubmitFlow.attachAll(id);
        SubmitFlow.setDay(clock, endsOn(reviewed).plusDays(1));
        Map<String, Object> body = recommendBody(reviewed.getLong("version"));
        JsonPath problem = refuseRecommendation(id, body, 422, "R4", "DIPLOMA_ROUTE_NOT_APPLICABLE");
        assertEquals(List.of("ARCHIVE_REVIEW"), problem.getList("applicableRoutes"));
        assertTrue(problem.getString("detail").contains("ARCHIVE_REVIEW"), problem.getString("detail"));
        body.put("diplomaVerification", "DEGREE_DATABASE");
        refuseRecommendation(id, body, 422, "R4", "DIPLOMA_ROUTE_NOT_APPLICABLE");
        body.put("diplomaVerification", "ARCHIVE_REVIEW");
        as("unit").body(body).post("/api/unit/applications/" + id + "/recommend")
                .then().statusCode(200).body("diplomaVerification", is("ARCHIVE_REVIEW"))
                .body("degreeVerification", is("DEGREE_DATABASE"));
    }

    @Test
    void R4_degreeDatabaseOnlyForDegreesAwardedFrom1September2008() throws Exception {
        Map<String, Object> draft = SubmitFlow.draftBody();
        draft.put("graduationYear", 2008);
        draft.put("degreeAwardedOn", "2008-08-31");
        JsonPath reviewed = SubmitFlow.inPublicity(draft);
        String id = reviewed.getString("id");
        SubmitFlow.attachAll(id);
        SubmitFlow.setDay(clock, endsOn(reviewed).plusDays(1));
        Map<String, Object> body = recommendBody(reviewed.getLong("version"));
        JsonPath problem = refuseRecommendation(id, body, 422, "R4", "DEGREE_ROUTE_NOT_APPLICABLE");
        assertTrue(problem.getString("detail").contains("2008-09-01"), problem.getString("detail"));
        body.remove("degreeVerification");
        refuseRecommendation(id, body, 422, "R4", "DEGREE_NOT_VERIFIED");
        body.put("degreeVerification", "ARCHIVE_REVIEW");
        as("unit").body(body).post("/api/unit/applications/" + id + "/recommend")
                .then().statusCode(200).body("diplomaVerification", is("DIPLOMA_DATABASE"))
                .body("degreeVerification", is("ARCHIVE_REVIEW"));
    }

    @Test
    void R5_theUnitMustPledgeToRecommend() throws Exception {
        JsonPath reviewed = SubmitFlow.inPublicity(SubmitFlow.draftBody());
        String id = reviewed.getString("id");
        SubmitFlow.attachAll(id);
        SubmitFlow.setDay(clock, endsOn(reviewed).plusDays(1));
        Map<String, Object> body = recommendBody(reviewed.getLong("version"));
        body.put("unitPledgeAccepted", false);
        JsonPath problem = refuseRecommendation(id, body, 422, "R5", "UNIT_PLEDGE_REQUIRED");
        assertTrue(problem.getString("detail").contains("pledge"));
        body.put("unitPledgeAccepted", true);
        as("unit").body(body).post("/api/unit/applications/" + id + "/recommend")
                .then().statusCode(200).body("state", is("RECOMMENDED")).body("unitPledgeSignedAt", not(nullValue()));
    }

    private static long evidenceCount(String applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> EvidenceItem.count("applicationId",
                UUID.fromString(applicationId)));
    }
}
