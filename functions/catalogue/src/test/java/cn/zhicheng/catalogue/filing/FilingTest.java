package cn.zhicheng.catalogue.filing;

import static cn.zhicheng.catalogue.filing.FilingTesting.BUREAU;
import static cn.zhicheng.catalogue.filing.FilingTesting.approve;
import static cn.zhicheng.catalogue.filing.FilingTesting.approvedFiling;
import static cn.zhicheng.catalogue.filing.FilingTesting.auditEvents;
import static cn.zhicheng.catalogue.filing.FilingTesting.body;
import static cn.zhicheng.catalogue.filing.FilingTesting.filings;
import static cn.zhicheng.catalogue.filing.FilingTesting.submit;
import static cn.zhicheng.core.testing.DemoUsers.as;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.testing.CatalogueFixtures;
import cn.zhicheng.core.testing.CatalogueFixtures.SelfEvaluatingUnit;
import cn.zhicheng.core.testing.TestCommittees;
import cn.zhicheng.core.time.SettableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R22: series filings, their decisions, renewals and due dates, through the routes. */
@QuarkusTest
class FilingTest {

    /** Tuesday 2026-03-10, 10:00 in China: the filing year 2026 evaluates 2023 to 2025. */
    private static final Instant MARCH_2026 = Instant.parse("2026-03-10T02:00:00Z");

    @Inject
    DeadlineService deadlines;

    SettableClock clock;

    @BeforeEach
    void inMarch2026() {
        TestCommittees.signIn(BUREAU);
        clock = TestCommittees.clock();
        clock.set(MARCH_2026);
    }

    @AfterEach
    void systemTimeAgain() {
        clock.reset();
    }

    @Test
    void R22_aFilingOutsideTheNationalSeriesListIsRefused() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        UUID local = QuarkusTransaction.requiringNew().call(() -> {
            Series series = new Series();
            series.id = UUID.randomUUID();
            series.code = "LOCAL-" + series.id.toString().substring(0, 6);
            series.nameZh = "地方自设系列";
            series.nameEn = "A local series";
            series.persist();
            return series.id;
        });
        long events = auditEvents();
        for (UUID seriesId : List.of(local, UUID.randomUUID())) {
            Map<String, Object> body = body("ENGINEERING", 2026);
            body.put("seriesId", seriesId);
            as(unit.username()).body(body).post("/api/filings").then().statusCode(422)
                    .body("code", is("SERIES_NOT_NATIONAL")).body("rule", is("R22"))
                    .body("errors.field", hasItem("seriesId"));
        }
        assertEquals(0, filings(unit.unitId()));
        assertEquals(events, auditEvents());
    }

    @Test
    void R22_theFieldsOfTheFormAreCheckedAndARefusalWritesNothing() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        long events = auditEvents();
        Map<String, Object> body = body("ENGINEERING", 2026);
        body.put("mobilePhone", "2351234123");
        body.put("officePhone", "phone");
        body.put("handlingOffice", " ");
        as(unit.username()).body(body).post("/api/filings").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED"))
                .body("errors.field", hasItem("mobilePhone")).body("errors.field", hasItem("officePhone"))
                .body("errors.field", hasItem("handlingOffice"));
        // the 3 years before the filing year, oldest first
        Map<String, Object> years = body("ENGINEERING", 2025);
        as(unit.username()).body(years).post("/api/filings").then().statusCode(400)
                .body("errors.field", hasItem("evaluations"));
        assertEquals(0, filings(unit.unitId()));
        assertEquals(events, auditEvents());
    }

    @Test
    void R22_anOrdinaryUnitIsRefusedAsNotSelfEvaluating() {
        SelfEvaluatingUnit unit = CatalogueFixtures.ordinaryUnit();
        as(unit.username()).body(body("ENGINEERING", 2026)).post("/api/filings").then().statusCode(403)
                .body("code", is("NOT_SELF_EVALUATING"));
        as(unit.username()).get("/api/filings").then().statusCode(403).body("code", is("NOT_SELF_EVALUATING"));
        assertEquals(0, filings(unit.unitId()));
    }

    @Test
    void R22_anApprovedFilingIsValidForThreeYearsLessADay() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        JsonPath submitted = submit(unit.username(), body("ENGINEERING", 2026));
        assertEquals(2026, submitted.getInt("filingYear"));
        assertEquals("工程技术", submitted.getString("seriesName"));
        assertEquals("潍坊市", submitted.getString("city"));
        UUID id = UUID.fromString(submitted.getString("id"));
        JsonPath approved = approve(id);
        assertEquals("2026-03-10", approved.getString("validFrom"));
        assertEquals("2029-03-09", approved.getString("validUntil"));
        // the end of April 2029 comes after the expiry, so the renewal is due on the last valid day
        assertEquals("2029-03-09", approved.getString("renewalDue"));
        assertEquals("2029-03-09",
                approved.getString("deadlines.find { it.kind == 'SERIES_FILING_EXPIRY' }.dueDate"));
        assertEquals("SELF_EVAL_UNIT", QuarkusTransaction.requiringNew().call(() -> Deadline.<Deadline>find(
                "subjectId", id).firstResult().ownerRole.name()));
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "subjectId = ?1 order by seq", id).stream().map(e -> e.action).toList());
        assertEquals(List.of("FILING_SUBMIT", "FILING_APPROVE"), actions);
    }

    @Test
    void R22_theRenewalIsDueByTheEndOfAprilOfTheExpiryYear() {
        clock.set(Instant.parse("2026-09-15T02:00:00Z"));
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        UUID id = approvedFiling(unit.username(), "ACCOUNTING", 2026);
        as(unit.username()).get("/api/filings/" + id).then().statusCode(200)
                .body("validUntil", is("2029-09-14")).body("renewalDue", is("2029-04-30"))
                .body("deadlines.find { it.kind == 'SERIES_FILING_RENEWAL' }.dueDate", is("2029-04-30"))
                .body("deadlines.find { it.kind == 'SERIES_FILING_RENEWAL' }.rule", is("R22"));
    }

    @Test
    void R22_the2023DueDateWasTheEndOfJune() {
        as(BUREAU).queryParam("from", 2023).queryParam("to", 2024).get("/api/filing-due-dates").then()
                .statusCode(200).body("size()", is(2))
                .body("[0].year", is(2023)).body("[0].dueOn", is("2023-06-30")).body("[0].set", is(true))
                .body("[1].year", is(2024)).body("[1].dueOn", is("2024-04-30")).body("[1].set", is(false));
        as(BUREAU).queryParam("from", 2030).queryParam("to", 2020).get("/api/filing-due-dates").then()
                .statusCode(400).body("code", is("VALIDATION_FAILED"));
    }

    @Test
    void R22_changingAYearsDueDateMovesOpenRenewals() {
        // approved in September 2027: valid to 2030-09-14, renewal due 2030-04-30
        clock.set(Instant.parse("2027-09-15T02:00:00Z"));
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        UUID id = approvedFiling(unit.username(), "ECONOMICS", 2027);
        as(unit.username()).get("/api/filings/" + id).then().body("renewalDue", is("2030-04-30"));
        long events = auditEvents();
        as(BUREAU).body(Map.of("dueOn", "2031-05-31")).put("/api/filing-due-dates/2030").then().statusCode(400)
                .body("errors.field", hasItem("dueOn"));
        as(unit.username()).body(Map.of("dueOn", "2030-05-31")).put("/api/filing-due-dates/2030").then()
                .statusCode(403);
        assertEquals(events, auditEvents());
        as(BUREAU).body(Map.of("dueOn", "2030-05-31", "note", "延至5月底")).put("/api/filing-due-dates/2030").then()
                .statusCode(200).body("dueOn", is("2030-05-31")).body("set", is(true)).body("note", is("延至5月底"));
        as(unit.username()).get("/api/filings/" + id).then().body("renewalDue", is("2030-05-31"));
        assertEquals(events + 1, auditEvents());
    }

    @Test
    void R22_aReturnedFilingIsCorrectedAndThenApproved() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        JsonPath submitted = submit(unit.username(), body("HEALTH", 2026));
        String id = submitted.getString("id");
        long version = submitted.getLong("version");
        as(BUREAU).body(Map.of("version", version)).post("/api/filings/" + id + "/return").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(BUREAU).body(Map.of("version", version + 1, "reason", "人才数量有误"))
                .post("/api/filings/" + id + "/return").then().statusCode(409).body("code", is("STALE_VERSION"));
        JsonPath returned = as(BUREAU).body(Map.of("version", version, "reason", "人才数量有误"))
                .post("/api/filings/" + id + "/return").then().statusCode(200).body("state", is("RETURNED"))
                .body("decisionNote", is("人才数量有误")).extract().jsonPath();
        long events = auditEvents();
        as(BUREAU).body(Map.of("version", returned.getLong("version")))
                .post("/api/filings/" + id + "/approve").then().statusCode(409)
                .body("code", is("FILING_NOT_SUBMITTED"));
        assertEquals(events, auditEvents());
        Map<String, Object> corrected = body("HEALTH", 2026);
        corrected.put("professionalCount", 95);
        corrected.put("version", returned.getLong("version"));
        as(unit.username()).body(corrected).put("/api/filings/" + id).then().statusCode(200)
                .body("state", is("SUBMITTED")).body("professionalCount", is(95));
        approve(UUID.fromString(id));
        as(unit.username()).body(corrected).put("/api/filings/" + id).then().statusCode(409);
    }

    @Test
    void R22_aSecondFilingOfTheSameSeriesIsRefusedUnlessItRenewsTheApprovedOne() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        UUID old = approvedFiling(unit.username(), "AGRICULTURE", 2026);
        as(unit.username()).body(body("AGRICULTURE", 2026)).post("/api/filings").then().statusCode(409)
                .body("code", is("FILING_EXISTS")).body("filingId", is(old.toString()));
        Map<String, Object> renewal = body("AGRICULTURE", 2026);
        renewal.put("renewsId", old);
        UUID renewing = UUID.fromString(submit(unit.username(), renewal).getString("id"));
        // only one pending renewal at a time
        as(unit.username()).body(renewal).post("/api/filings").then().statusCode(409)
                .body("code", is("FILING_EXISTS")).body("filingId", is(renewing.toString()));
        approve(renewing);
        as(unit.username()).get("/api/filings/" + old).then().statusCode(200).body("state", is("RENEWED"))
                .body("deadlines.state", not(hasItem("OPEN")));
        as(unit.username()).get("/api/filings/" + renewing).then().body("renewsId", is(old.toString()))
                .body("state", is("APPROVED"));
        as(unit.username()).queryParam("state", "APPROVED").get("/api/filings").then().statusCode(200)
                .body("total", is(1)).body("items[0].id", is(renewing.toString()));
    }

    @Test
    void R22_cancellingAnApprovedFilingWaivesItsDeadlines() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        UUID id = approvedFiling(unit.username(), "STATISTICS", 2026);
        long version = as(unit.username()).get("/api/filings/" + id).then().extract().jsonPath().getLong("version");
        as(unit.username()).body(Map.of("version", version, "reason", "不再开展该系列评聘"))
                .post("/api/filings/" + id + "/cancel").then().statusCode(200).body("state", is("CANCELLED"))
                .body("deadlines.state", not(hasItem("OPEN"))).body("deadlines.state", hasItem("WAIVED"));
        as(BUREAU).body(Map.of("version", version + 1, "reason", "again")).post("/api/filings/" + id + "/cancel")
                .then().statusCode(409).body("code", is("FILING_NOT_APPROVED"));
    }

    @Test
    void anotherUnitOrAnotherCitysBureauFindsNothing() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        SelfEvaluatingUnit other = CatalogueFixtures.selfEvaluatingUnit();
        String otherBureau = CatalogueFixtures.otherCityBureau();
        JsonPath submitted = submit(unit.username(), body("LIBRARY", 2026));
        String id = submitted.getString("id");
        as(other.username()).get("/api/filings/" + id).then().statusCode(404).body("code", is("FILING_NOT_FOUND"));
        as(otherBureau).get("/api/filings/" + id).then().statusCode(404);
        as(otherBureau).body(Map.of("version", submitted.getLong("version")))
                .post("/api/filings/" + id + "/approve").then().statusCode(404);
        as(otherBureau).get("/api/filings").then().statusCode(200).body("total", is(0));
        as(other.username()).get("/api/filings").then().statusCode(200).body("total", is(0));
        as(BUREAU).queryParam("state", "SUBMITTED").queryParam("size", 100).get("/api/filings").then()
                .statusCode(200).body("items.id", hasItem(id));
        as(BUREAU).queryParam("size", 101).get("/api/filings").then().statusCode(400);
        as(unit.username()).get("/api/filings/" + id).then().statusCode(200).body("decidedAt", nullValue());
    }

    @Test
    void R22_aSelfEvaluatingUnitSeesItsOwnFilingDeadlines() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        SelfEvaluatingUnit other = CatalogueFixtures.selfEvaluatingUnit();
        UUID id = approvedFiling(unit.username(), "TRANSLATION", 2026);
        List<UUID> own = QuarkusTransaction.requiringNew().call(() -> deadlines.listFor(unit.actor()).stream()
                .map(d -> d.subjectId).toList());
        assertEquals(2, own.stream().filter(id::equals).count());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> deadlines.listFor(other.actor()).isEmpty()));
    }
}
