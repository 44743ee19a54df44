package cn.zhicheng.submit;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.integrity.IntegrityKind;
import cn.zhicheng.core.integrity.IntegrityRecord;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.time.SettableClock;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.core.unit.UnitKind;
import cn.zhicheng.submit.rest.ApplicationRequests;
import cn.zhicheng.submit.service.ApplicationService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hibernate.StaleStateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The applicant's draft and submission: R3, R4, R5, R20, idempotent creation and double clicks. */
@QuarkusTest
class IntakeRulesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    Clock clock;

    @Inject
    ApplicationService applications;

    private final List<UUID> bans = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        SettableClock.of(clock).reset();
        // the demo applicant is shared by every test: lift the bans this test imposed
        QuarkusTransaction.requiringNew().run(() -> bans.forEach(id -> IntegrityRecord.deleteById(id)));
        bans.clear();
    }

    private static long applicantsApplications() {
        UUID account = DemoUsers.actor("applicant").accountId();
        return QuarkusTransaction.requiringNew().call(() -> Application.count("accountId", account));
    }

    @Test
    void R8_anApplicationGoesToTheMostLocalCommitteeWhoseJurisdictionHoldsItsUnit() {
        // a county committee for intermediate engineers beside the city's, and an employer unit in that county
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID countyUnit = QuarkusTransaction.requiringNew().call(() -> {
            Unit bureau = Unit.findByCode("WFHRSS").orElseThrow();
            Unit unit = new Unit();
            unit.id = UUID.randomUUID();
            unit.code = "KW" + suffix;
            unit.name = "奎文区某设计院 " + suffix;
            unit.kind = UnitKind.EMPLOYER;
            unit.region = "潍坊市奎文区";
            unit.createdAt = Instant.now();
            unit.persist();
            Committee county = new Committee();
            county.id = UUID.randomUUID();
            county.code = "KW-ENG-" + suffix;
            county.name = "奎文区工程技术中级评委会 " + suffix;
            county.seriesId = Series.<Series>find("code", "ENGINEERING").firstResult().id;
            county.hrBureauId = bureau.id;
            county.memberCount = 5;
            county.levels = EnumSet.of(TitleLevel.INTERMEDIATE);
            county.jurisdiction = "潍坊市奎文区";
            county.createdAt = Instant.now();
            county.persist();
            return unit.id;
        });
        Map<String, Object> body = new HashMap<>(SubmitFlow.draftBody());
        body.put("unitId", countyUnit.toString());
        assertThat(SubmitFlow.create(body).getString("committee.name"), containsString("奎文区工程技术中级评委会"));
        // a unit of the city outside the county still goes to the city's committee
        assertEquals("潍坊市工程技术中级职称评审委员会",
                SubmitFlow.create(SubmitFlow.draftBody()).getString("committee.name"));
    }

    @Test
    void R2_everyLevelACommitteeReviewsIsAppliedForOnlineAndReachesThatCommittee() {
        // R2: all committee levels work through the platform: junior, intermediate and senior applications alike
        // are created online and routed to the committee of their series and level (R8)
        for (String level : List.of("ASSISTANT", "INTERMEDIATE", "DEPUTY_SENIOR")) {
            Map<String, Object> body = new HashMap<>(SubmitFlow.draftBody());
            body.put("level", level);
            JsonPath draft = SubmitFlow.create(body);
            String expected = QuarkusTransaction.requiringNew().call(() -> Committee.forApplication(
                    UUID.fromString((String) body.get("seriesId")), TitleLevel.valueOf(level), "潍坊市")
                    .orElseThrow().name);
            assertEquals(expected, draft.getString("committee.name"), level + " goes to its own committee");
            assertEquals("DRAFT", draft.getString("state"));
        }
        // a level no committee reviews has nowhere to go online, and the applicant is told so
        Map<String, Object> body = new HashMap<>(SubmitFlow.draftBody());
        body.put("level", "FULL_SENIOR");
        as("applicant").body(body).post("/api/applications").then().statusCode(422)
                .body("rule", is("R8")).body("code", is("NO_COMMITTEE"));
    }

    @Test
    void R3_flexibleWorkerMustApplyThroughAnAgency() {
        long before = applicantsApplications();
        Map<String, Object> body = SubmitFlow.draftBody();
        body.put("employment", "FLEXIBLE");
        as("applicant").body(body).post("/api/applications")
                .then().statusCode(422).body("rule", is("R3")).body("code", is("UNIT_NOT_ELIGIBLE"))
                .body("unitKind", is("AGENCY")).body("detail", containsString("agency"));
        assertEquals(before, applicantsApplications(), "nothing was written");

        body.put("unitId", SubmitFlow.unitId("WFRCFW").toString());
        as("applicant").body(body).post("/api/applications")
                .then().statusCode(201).body("employment", is("FLEXIBLE")).body("unit.id", is(body.get("unitId")));
    }

    @Test
    void R3_employedApplicantMustApplyThroughTheEmployerUnitNotAnAgency() {
        long before = applicantsApplications();
        Map<String, Object> body = SubmitFlow.draftBody();
        body.put("unitId", SubmitFlow.unitId("WFRCFW").toString());
        as("applicant").body(body).post("/api/applications")
                .then().statusCode(422).body("rule", is("R3")).body("code", is("UNIT_NOT_ELIGIBLE"))
                .body("unitKind", is("EMPLOYER")).body("detail", containsString("employer unit"));
        assertEquals(before, applicantsApplications(), "nothing was written");
        as("applicant").body(SubmitFlow.draftBody()).post("/api/applications")
                .then().statusCode(201).body("employment", is("EMPLOYED"));
    }

    @Test
    void R4_theDraftRecordsGraduationYearAndDegreeAwardDate() {
        as("applicant").body(SubmitFlow.draftBody()).post("/api/applications")
                .then().statusCode(201).body("graduationYear", is(2019)).body("degreeAwardedOn", is("2019-07-01"))
                .body("diplomaNumber", is("105611201905001234")).body("degreeNumber", is("1056142019001234"));
    }

    @Test
    void R4_graduationYearIsRequiredAndNotInTheFuture() {
        long before = applicantsApplications();
        int thisYear = SubmitFlow.today(clock).getYear();
        Map<String, Object> body = SubmitFlow.draftBody();
        body.remove("graduationYear");
        as("applicant").body(body).post("/api/applications")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED"))
                .body("errors.field", hasItem("graduationYear"));
        for (int year : new int[] {1949, thisYear + 1}) {
            body.put("graduationYear", year);
            as("applicant").body(body).post("/api/applications")
                    .then().statusCode(400).body("code", is("VALIDATION_FAILED"))
                    .body("errors.field", hasItem("graduationYear"));
        }
        assertEquals(before, applicantsApplications(), "nothing was written");
        body.put("graduationYear", thisYear);
        as("applicant").body(body).post("/api/applications").then().statusCode(201)
                .body("graduationYear", is(thisYear));
    }

    @Test
    void R4_aDegreeNeedsItsAwardDateAndNotOneInTheFuture() {
        long before = applicantsApplications();
        Map<String, Object> body = SubmitFlow.draftBody();
        body.remove("degreeAwardedOn");
        as("applicant").body(body).post("/api/applications")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED"))
                .body("errors.field", hasItem("degreeAwardedOn"));
        body.put("degreeAwardedOn", SubmitFlow.today(clock).plusDays(1).toString());
        as("applicant").body(body).post("/api/applications")
                .then().statusCode(400).body("errors.field", hasItem("degreeAwardedOn"))
                .body("errors.find { it.field == 'degreeAwardedOn' }.message", containsString("future"));
        assertEquals(before, applicantsApplications(), "nothing was written");

        // without a degree there is no award date to give
        body.remove("degreeNumber");
        body.remove("degreeAwardedOn");
        as("applicant").body(body).post("/api/applications").then().statusCode(201)
                .body("degreeNumber", is((Object) null)).body("degreeAwardedOn", is((Object) null));
    }

    @Test
    void R20_bannedApplicantIsToldWhenTheBanEnds() {
        JsonPath draft = SubmitFlow.create(SubmitFlow.draftBody());
        String id = draft.getString("id");
        LocalDate endsOn = SubmitFlow.today(clock).plusYears(5);
        ban(endsOn);
        String before = SubmitFlow.stateAndVersion(id);

        as("applicant").body(Map.of("pledgeAccepted", true, "version", draft.getLong("version")))
                .post("/api/applications/" + id + "/submit")
                .then().statusCode(403).contentType("application/problem+json")
                .body("rule", is("R20")).body("code", is("INTEGRITY_BAN"))
                .body("banEndsOn", is(endsOn.toString()))
                .body("detail", containsString("may not apply until " + endsOn));
        assertEquals(before, SubmitFlow.stateAndVersion(id), "the draft is unchanged");
        assertEquals(0, SubmitFlow.audited(id, "SUBMIT"));

        // the ban ends on its end date: from that day on the person may apply again
        SubmitFlow.setDay(clock, endsOn);
        as("applicant").body(Map.of("pledgeAccepted", true, "version", draft.getLong("version")))
                .post("/api/applications/" + id + "/submit")
                .then().statusCode(200).body("state", is("SUBMITTED"));
    }

    @Test
    void R21_aResponsibleProfessionalBarredForFalseProofIsRefusedUnderR21() {
        JsonPath draft = SubmitFlow.create(SubmitFlow.draftBody());
        String id = draft.getString("id");
        LocalDate endsOn = SubmitFlow.today(clock).plusYears(5);
        ban(endsOn, IntegrityKind.FALSE_PROOF);
        String before = SubmitFlow.stateAndVersion(id);

        as("applicant").body(Map.of("pledgeAccepted", true, "version", draft.getLong("version")))
                .post("/api/applications/" + id + "/submit")
                .then().statusCode(403).body("rule", is("R21")).body("code", is("INTEGRITY_BAN"))
                .body("banEndsOn", is(endsOn.toString()))
                .body("detail", containsString("False proof"));
        assertEquals(before, SubmitFlow.stateAndVersion(id), "the draft is unchanged");
        assertEquals(0, SubmitFlow.audited(id, "SUBMIT"));
    }

    @Test
    void R5_theApplicantsPledgeIsRecordedWithTheSubmission() {
        JsonPath draft = SubmitFlow.create(SubmitFlow.draftBody());
        as("applicant").body(Map.of("version", draft.getLong("version")))
                .post("/api/applications/" + draft.getString("id") + "/submit")
                .then().statusCode(400).body("errors.field", hasItem("pledgeAccepted"));
        assertEquals("DRAFT@" + draft.getLong("version"), SubmitFlow.stateAndVersion(draft.getString("id")));
        SubmitFlow.submitted(SubmitFlow.draftBody());
    }

    @Test
    void theSameIdempotencyKeyCreatesOnce() {
        long before = applicantsApplications();
        String key = "create-" + UUID.randomUUID();
        String first = as("applicant").header("Idempotency-Key", key).body(SubmitFlow.draftBody())
                .post("/api/applications").then().statusCode(201).extract().path("id");
        as("applicant").header("Idempotency-Key", key).body(SubmitFlow.draftBody()).post("/api/applications")
                .then().statusCode(201).body("id", is(first)).body("state", is("DRAFT"));
        assertEquals(before + 1, applicantsApplications());
        // without a key every request creates
        SubmitFlow.create(SubmitFlow.draftBody());
        assertEquals(before + 2, applicantsApplications());
    }

    @Test
    void twoConcurrentCreatesWithTheSameKeyCreateOnce() throws Exception {
        long before = applicantsApplications();
        String key = "create-" + UUID.randomUUID();
        String body = json(SubmitFlow.draftBody());
        List<HttpResponse<String>> responses = concurrently(2, () -> post("/api/applications", body, key));
        for (HttpResponse<String> response : responses) {
            assertEquals(201, response.statusCode(), response.body());
        }
        assertEquals(JsonPath.from(responses.get(0).body()).getString("id"),
                JsonPath.from(responses.get(1).body()).getString("id"), "both got the one application");
        assertEquals(before + 1, applicantsApplications());
    }

    @Test
    void aDoubleClickedSubmitSucceedsOnce() throws Exception {
        JsonPath draft = SubmitFlow.create(SubmitFlow.draftBody());
        String id = draft.getString("id");
        String body = "{\"pledgeAccepted\": true, \"version\": " + draft.getLong("version") + "}";
        List<HttpResponse<String>> responses = concurrently(2,
                () -> post("/api/applications/" + id + "/submit", body, null));
        List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).sorted().toList();
        assertEquals(List.of(200, 409), statuses, responses.stream().map(HttpResponse::body).toList().toString());
        HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(JsonPath.from(refused.body()).getString("code"),
                oneOf("STALE_VERSION", "ILLEGAL_TRANSITION"));
        assertEquals(1, SubmitFlow.audited(id, "SUBMIT"), "exactly one SUBMIT in the audit trail");
        assertEquals("SUBMITTED@" + (draft.getLong("version") + 1), SubmitFlow.stateAndVersion(id));
    }

    @Test
    void twoCreatesWithTheSameKeyRacingInsideTheServiceCreateOnce() throws Exception {
        long before = applicantsApplications();
        Actor applicant = DemoUsers.actor("applicant");
        String key = "create-" + UUID.randomUUID();
        Map<String, Object> body = SubmitFlow.draftBody();
        ApplicationRequests.Create request = new ApplicationRequests.Create(
                UUID.fromString((String) body.get("seriesId")), TitleLevel.INTERMEDIATE, "电气工程", null, null,
                UUID.fromString((String) body.get("unitId")), null, "105611201905001234", 2019, null, null);
        List<Object> outcomes = AuditLockRace.run(2, () -> applications.createOnce(applicant, key, request).id);
        assertTrue(outcomes.get(0) instanceof UUID, String.valueOf(outcomes.get(0)));
        assertEquals(outcomes.get(0), outcomes.get(1), "both got the one application");
        assertEquals(before + 1, applicantsApplications());
    }

    @Test
    void aDoubleSubmitRacingInsideTheServiceSucceedsOnce() throws Exception {
        JsonPath draft = SubmitFlow.create(SubmitFlow.draftBody());
        UUID id = UUID.fromString(draft.getString("id"));
        Actor applicant = DemoUsers.actor("applicant");
        ApplicationRequests.Submit request = new ApplicationRequests.Submit(true, draft.getLong("version"));
        List<Object> outcomes = AuditLockRace.run(2, () -> applications.submit(applicant, id, request).state());
        assertEquals(1, outcomes.stream().filter(o -> o == ApplicationState.SUBMITTED).count(), outcomes.toString());
        Object refused = outcomes.stream().filter(o -> o != ApplicationState.SUBMITTED).findFirst().orElseThrow();
        assertTrue(isConflict((Throwable) refused), "the second is a 409 conflict: " + refused);
        assertEquals(1, SubmitFlow.audited(id.toString(), "SUBMIT"), "exactly one SUBMIT in the audit trail");
        assertEquals("SUBMITTED@" + (draft.getLong("version") + 1), SubmitFlow.stateAndVersion(id.toString()));
    }

    /**
     * What the problem mapper answers with 409: a conflict problem or a lost optimistic lock, thrown as such (the
     * mapper matches the thrown type, so one wrapped in a failed commit would reach the client as a 500).
     */
    private static boolean isConflict(Throwable e) {
        return e instanceof Problem problem && problem.status() == 409 || e instanceof OptimisticLockException
                || e instanceof StaleStateException;
    }

    private void ban(LocalDate endsOn) {
        ban(endsOn, IntegrityKind.FRAUD);
    }

    private void ban(LocalDate endsOn, IntegrityKind kind) {
        UUID person = DemoUsers.actor("applicant").personId();
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            IntegrityRecord record = new IntegrityRecord();
            record.id = id;
            record.personId = person;
            record.kind = kind;
            record.summary = "test: " + kind + " confirmed";
            record.confirmedOn = endsOn.minusYears(5);
            record.banEndsOn = endsOn;
            record.createdAt = clock.instant();
            record.persist();
        });
        bans.add(id);
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** Runs the call on n threads released at the same moment, and returns every response. */
    private static List<HttpResponse<String>> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return call.send();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<String> post(String path, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + path))
                .header("Authorization", "Bearer " + DemoUsers.token("applicant"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String json(Map<String, Object> body) throws Exception {
        return new ObjectMapper().writeValueAsString(body);
    }
}
