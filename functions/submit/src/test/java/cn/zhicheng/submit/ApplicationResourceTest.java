package cn.zhicheng.submit;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.core.identity.LocalSignIn;
import cn.zhicheng.core.time.SettableClock;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The applicant's and the unit's routes, on PostgreSQL and S3 on the emulator. */
@QuarkusTest
class ApplicationResourceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    Clock clock;

    @AfterEach
    void resetClock() {
        SettableClock.of(clock).reset();
    }

    private Map<String, Object> draftBody() {
        return SubmitFlow.draftBody();
    }

    private JsonPath createDraft() {
        return as("applicant").body(draftBody()).post("/api/applications")
                .then().statusCode(201).extract().jsonPath();
    }

    private void upload(String applicationId, byte[] bytes) throws Exception {
        JsonPath upload = as("applicant")
                .body(Map.of("title", "论文", "fileName", "论文.pdf", "contentType", "application/pdf",
                        "size", bytes.length))
                .post("/api/applications/" + applicationId + "/evidence")
                .then().statusCode(201).body("item.status", is("PENDING")).body("item.kind", is("APPLICANT"))
                .extract().jsonPath();
        SubmitFlow.put(upload, bytes);
        as("applicant").post("/api/applications/" + applicationId + "/evidence/" + upload.getString("item.id")
                + "/complete").then().statusCode(200).body("status", is("UPLOADED"));
    }

    @Test
    void applicantDraftsUploadsEvidenceThroughPresignedUrlAndSubmitsWithPledge() throws Exception {
        JsonPath draft = createDraft();
        String id = draft.getString("id");
        assertEquals("DRAFT", draft.getString("state"));
        assertEquals("370702199003151230", draft.getString("applicant.idNumber"), "the owner sees the full ID");

        byte[] pdf = "%PDF-1.4 evidence".getBytes(StandardCharsets.UTF_8);
        upload(id, pdf);

        JsonPath item = as("applicant").get("/api/applications/" + id).then().statusCode(200)
                .body("evidence[0].status", is("UPLOADED")).extract().jsonPath();
        // a draft is the applicant's alone: the unit sees it only once submitted
        as("unit").get("/api/applications/" + id + "/evidence/" + item.getString("evidence[0].id") + "/download")
                .then().statusCode(404).body("code", is("APPLICATION_NOT_FOUND"));
        JsonPath download = as("applicant").get("/api/applications/" + id + "/evidence/"
                + item.getString("evidence[0].id") + "/download").then().statusCode(200).extract().jsonPath();
        HttpResponse<byte[]> fetched = HTTP.send(HttpRequest.newBuilder(URI.create(download.getString("url"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fetched.statusCode());
        assertEquals(new String(pdf, StandardCharsets.UTF_8), new String(fetched.body(), StandardCharsets.UTF_8));

        as("applicant").body(Map.of("pledgeAccepted", true, "version", item.getLong("version")))
                .post("/api/applications/" + id + "/submit")
                .then().statusCode(200).body("state", is("SUBMITTED")).body("pledgeSignedAt", not(nullValue()))
                .body("actions", contains("withdraw"));
    }

    @Test
    void R5_submissionWithoutTheIntegrityPledgeIsRefused() {
        JsonPath draft = createDraft();
        as("applicant").body(Map.of("pledgeAccepted", false, "version", draft.getLong("version")))
                .post("/api/applications/" + draft.getString("id") + "/submit")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", is("PLEDGE_REQUIRED")).body("rule", is("R5"));
        as("applicant").get("/api/applications/" + draft.getString("id")).then().body("state", is("DRAFT"));
    }

    @Test
    void R6_unitReviewsAndRecommendsWithItsPledgeAndTheHistoryShowsWhoDidWhat() throws Exception {
        JsonPath draft = createDraft();
        String id = draft.getString("id");
        long version = as("applicant").body(Map.of("pledgeAccepted", true, "version", draft.getLong("version")))
                .post("/api/applications/" + id + "/submit").then().statusCode(200).extract().jsonPath()
                .getLong("version");

        JsonPath listed = as("unit").get("/api/unit/applications").then().statusCode(200).extract().jsonPath();
        assertEquals("3707**********1230", listed.getString("find { it.id == '" + id + "' }.applicant.idNumber"),
                "the unit sees the ID number masked");

        JsonPath reviewed = as("unit").body(Map.of("comment", "材料齐全", "version", version))
                .post("/api/unit/applications/" + id + "/review")
                .then().statusCode(200).body("state", is("UNIT_PUBLICITY")).extract().jsonPath();
        version = reviewed.getLong("version");
        // R7: the three attachments, then the publicity runs out before the unit recommends
        SubmitFlow.attachAll(id);
        SubmitFlow.setDay(clock, LocalDate.parse(reviewed.getString("publicityEndsOn")).plusDays(1));

        // R5: no recommendation without the unit's pledge; R4: the verification route must be recorded
        as("unit").body(Map.of("unitPledgeAccepted", false, "diplomaVerification", "DIPLOMA_DATABASE",
                "degreeVerification", "DEGREE_DATABASE", "version", version))
                .post("/api/unit/applications/" + id + "/recommend")
                .then().statusCode(422).body("rule", is("R5")).body("code", is("UNIT_PLEDGE_REQUIRED"));
        as("unit").body(Map.of("unitPledgeAccepted", true, "degreeVerification", "DEGREE_DATABASE",
                "version", version))
                .post("/api/unit/applications/" + id + "/recommend")
                .then().statusCode(422).body("rule", is("R4")).body("code", is("DIPLOMA_NOT_VERIFIED"));

        as("unit").body(Map.of("unitPledgeAccepted", true, "diplomaVerification", "DIPLOMA_DATABASE",
                "degreeVerification", "DEGREE_DATABASE", "version", version))
                .post("/api/unit/applications/" + id + "/recommend")
                .then().statusCode(200).body("state", is("RECOMMENDED"))
                .body("diplomaVerification", is("DIPLOMA_DATABASE"))
                .body("unitPledgeSignedAt", not(nullValue()))
                .body("history.action", contains("CREATE", "SUBMIT", "UNIT_REVIEW", "RECOMMEND"))
                .body("history.find { it.action == 'UNIT_REVIEW' }.actor", is("李娜"))
                .body("unitReview.by", is("李娜"))
                .body("history.find { it.action == 'UNIT_REVIEW' }.note", is("材料齐全"));
    }

    @Test
    void unitReturnsWithAReasonAndTheApplicantMustPledgeAgain() {
        JsonPath draft = createDraft();
        String id = draft.getString("id");
        long version = as("applicant").body(Map.of("pledgeAccepted", true, "version", draft.getLong("version")))
                .post("/api/applications/" + id + "/submit").then().extract().jsonPath().getLong("version");
        as("unit").body(Map.of("version", version)).post("/api/unit/applications/" + id + "/return")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED")).body("errors.field", hasItem("reason"));
        as("unit").body(Map.of("reason", "缺少业绩材料", "version", version))
                .post("/api/unit/applications/" + id + "/return")
                .then().statusCode(200).body("state", is("DRAFT")).body("pledgeSignedAt", nullValue());
    }

    @Test
    void anIllegalTransitionIsAConflictWithAStableCode() {
        JsonPath draft = createDraft();
        String id = draft.getString("id");
        long version = as("applicant").body(Map.of("pledgeAccepted", true, "version", draft.getLong("version")))
                .post("/api/applications/" + id + "/submit").then().extract().jsonPath().getLong("version");
        as("applicant").body(Map.of("pledgeAccepted", true, "version", version))
                .post("/api/applications/" + id + "/submit")
                .then().statusCode(409).body("code", is("ILLEGAL_TRANSITION"));
        as("unit").body(Map.of("unitPledgeAccepted", true, "diplomaVerification", "DIPLOMA_DATABASE",
                "degreeVerification", "DEGREE_DATABASE", "version", version))
                .post("/api/unit/applications/" + id + "/recommend")
                .then().statusCode(409).body("code", is("ILLEGAL_TRANSITION"));
    }

    @Test
    void R3_applyingThroughAnHrBureauInsteadOfTheEmployerUnitIsRefused() {
        Map<String, Object> body = new java.util.HashMap<>(draftBody());
        body.put("unitId", QuarkusTransaction.requiringNew().call(() -> Unit.findByCode("WFHRSS").orElseThrow().id)
                .toString());
        as("applicant").body(body).post("/api/applications")
                .then().statusCode(422).body("rule", is("R3")).body("code", is("UNIT_NOT_ELIGIBLE"));
    }

    @Test
    void R8_anApplicationForALevelNoCommitteeReviewsIsRefused() {
        Map<String, Object> body = new java.util.HashMap<>(draftBody());
        body.put("level", "FULL_SENIOR");
        as("applicant").body(body).post("/api/applications")
                .then().statusCode(422).body("rule", is("R8")).body("code", is("NO_COMMITTEE"));
    }

    @Test
    void aStaleVersionIsRefusedAndNothingChanges() {
        JsonPath draft = createDraft();
        as("applicant").body(Map.of("pledgeAccepted", true, "version", draft.getLong("version") + 7))
                .post("/api/applications/" + draft.getString("id") + "/submit")
                .then().statusCode(409).body("code", is("STALE_VERSION"));
        as("applicant").get("/api/applications/" + draft.getString("id")).then().body("state", is("DRAFT"));
    }

    @Test
    void evidenceOverTheSizeLimitOrOfAForbiddenTypeIsRefused() {
        String id = createDraft().getString("id");
        as("applicant").body(Map.of("title", "t", "fileName", "big.pdf", "contentType", "application/pdf",
                "size", 21 * 1024 * 1024)).post("/api/applications/" + id + "/evidence")
                .then().statusCode(413).body("code", is("EVIDENCE_TOO_LARGE"));
        as("applicant").body(Map.of("title", "t", "fileName", "run.exe", "contentType", "application/x-msdownload",
                "size", 10)).post("/api/applications/" + id + "/evidence")
                .then().statusCode(415).body("code", is("EVIDENCE_TYPE_NOT_ALLOWED"));
        as("applicant").get("/api/applications/" + id).then().body("evidence.size()", is(0));
    }

    @Test
    void completingAnUploadTheStoreDoesNotHaveIsRefused() {
        String id = createDraft().getString("id");
        String itemId = as("applicant").body(Map.of("title", "t", "fileName", "a.pdf", "contentType",
                "application/pdf", "size", 10)).post("/api/applications/" + id + "/evidence")
                .then().statusCode(201).extract().path("item.id");
        as("applicant").post("/api/applications/" + id + "/evidence/" + itemId + "/complete")
                .then().statusCode(409).body("code", is("EVIDENCE_NOT_UPLOADED"));
        as("applicant").body(Map.of("pledgeAccepted", true, "version", 0))
                .post("/api/applications/" + id + "/submit")
                .then().statusCode(409).body("code", is("EVIDENCE_INCOMPLETE"));
    }

    @Test
    void badInputGetsProblemResponsesAndWritesNothing() {
        int before = as("applicant").get("/api/applications").then().extract().jsonPath().getList("$").size();
        as("applicant").body("{\"seriesId\": ").post("/api/applications")
                .then().statusCode(400).contentType("application/problem+json").body("code", is("MALFORMED_JSON"));
        Map<String, Object> wrongType = new java.util.HashMap<>(draftBody());
        wrongType.put("level", 42.5);
        wrongType.put("seriesId", "not-a-uuid");
        as("applicant").body(wrongType).post("/api/applications")
                .then().log().ifValidationFails().statusCode(400).body("code", is("MALFORMED_JSON"));
        as("applicant").body(Map.of("specialty", "x")).post("/api/applications")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED"))
                .body("errors.field", hasItem("diplomaNumber")).body("errors.field", hasItem("seriesId"))
                .body("errors.field", hasItem("graduationYear"));
        int after = as("applicant").get("/api/applications").then().extract().jsonPath().getList("$").size();
        assertEquals(before, after);
    }

    @Test
    void wrongRoleIsForbiddenAndNoTokenIsUnauthenticated() {
        as("unit").body(draftBody()).post("/api/applications")
                .then().statusCode(403).contentType("application/problem+json").body("code", is("FORBIDDEN"));
        given().contentType(ContentType.JSON).body(draftBody()).post("/api/applications")
                .then().statusCode(401).body("code", is("UNAUTHENTICATED"));
        given().auth().oauth2("not.a.token").get("/api/applications")
                .then().statusCode(401).body("code", is("UNAUTHENTICATED"));
        as("applicant").get("/api/unit/applications").then().statusCode(403);
    }

    @Test
    void anotherApplicantCannotSeeTheApplication() {
        String id = createDraft().getString("id");
        String other = QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(LocalSignIn.class).get()
                .register("other-" + System.nanoTime(), "password-1", "赵六", "370702197801010062", null).token());
        given().auth().oauth2(other).get("/api/applications/" + id)
                .then().statusCode(404).body("code", is("APPLICATION_NOT_FOUND"));
        given().auth().oauth2(other).get("/api/applications").then().statusCode(200).body("size()", is(0));
        as("unit").get("/api/applications/" + id).then().statusCode(403);
        as("applicant").get("/api/applications/" + java.util.UUID.randomUUID())
                .then().statusCode(404).body("code", is("APPLICATION_NOT_FOUND"));
    }
}
