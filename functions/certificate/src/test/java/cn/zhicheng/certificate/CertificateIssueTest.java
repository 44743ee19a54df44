package cn.zhicheng.certificate;

import static cn.zhicheng.certificate.Issued.PUBLICATION;
import static cn.zhicheng.certificate.Issued.anyone;
import static cn.zhicheng.certificate.Issued.claims;
import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.testing.CertificateFixtures;
import cn.zhicheng.core.testing.CertificateFixtures.Filing;
import cn.zhicheng.core.testing.Fixtures;
import cn.zhicheng.core.time.ClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issuing title certificates one at a time and a round at once (R27, R28, R30). */
@QuarkusTest
class CertificateIssueTest {

    @Test
    void R27_theCertificateCarriesEveryPrintedFieldInItsViewAndItsSignedClaims() {
        Actor holder = Fixtures.freshApplicant("林晓");
        JsonPath certificate = Issued.issue(holder, new Filing(true, false, "输变电工程"));
        String idNumber = QuarkusTransaction.requiringNew()
                .call(() -> Person.<Person>findById(holder.personId()).idNumber);
        String masked = idNumber.substring(0, 4) + "**********" + idNumber.substring(14);
        String sex = QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(holder.personId()).sex)
                .name();

        assertEquals("林晓", certificate.getString("holderName"));
        assertEquals(sex, certificate.getString("sex"));
        assertEquals(masked, certificate.getString("maskedIdNumber"));
        assertEquals("TITLE", certificate.getString("kind"));
        assertEquals("工程技术", certificate.getString("seriesName"));
        assertEquals("电气工程", certificate.getString("specialty"));
        assertEquals("输变电工程", certificate.getString("practisedSpecialty"));
        assertEquals("INTERMEDIATE", certificate.getString("level"));
        assertEquals(PUBLICATION, certificate.getString("publicationNumber"));
        assertEquals("潍坊市人力资源和社会保障局", certificate.getString("issuerName"));
        assertEquals("VALID", certificate.getString("status"));
        assertFalse(certificate.getBoolean("grassroots"));
        assertNull(certificate.get("restriction"));
        assertNull(certificate.get("termEndsOn"));

        String payload = certificate.getString("payload");
        JsonPath claims = claims(payload);
        assertEquals(2, claims.getInt("v"));
        assertEquals("T", claims.getString("knd"));
        assertEquals(certificate.getString("number"), claims.getString("num"));
        assertEquals("林晓", claims.getString("name"));
        assertEquals(masked, claims.getString("idm"));
        assertEquals(sex.substring(0, 1), claims.getString("sex"));
        assertEquals("工程技术", claims.getString("ser"));
        assertEquals("电气工程", claims.getString("spe"));
        assertEquals("输变电工程", claims.getString("prs"));
        assertEquals("INTERMEDIATE", claims.getString("lvl"));
        assertEquals(PUBLICATION, claims.getString("pub"));
        assertEquals(certificate.getString("issuerId"), claims.getString("iss"));
        assertEquals("潍坊市人力资源和社会保障局", claims.getString("isn"));
        assertEquals(LocalDate.now(ClockProducer.CHINA).toString(), claims.getString("iat"));
        assertEquals("zhicheng-cert+jws", Issued.header(payload).getString("typ"));
        assertEquals(certificate.getString("kid"), Issued.header(payload).getString("kid"));
        // absent claims are left out, never null; the full ID number is never signed
        Map<String, Object> all = claims.getMap("");
        for (String absent : List.of("pst", "tfr", "tto", "rst", "rei")) {
            assertFalse(all.containsKey(absent), absent + " is absent: " + all);
        }
        assertFalse(Issued.claimsText(payload).contains(idNumber), "the full ID number is never in the payload");
        assertFalse(certificate.prettyPrint().contains(idNumber), "the full ID number is never in the view");
    }

    @Test
    void R27_theSpecialtyPractisedDefaultsToTheSeriesSpecialtyAndIsThenNotSigned() {
        JsonPath certificate = Issued.issue();
        assertEquals("电气工程", certificate.getString("practisedSpecialty"));
        assertFalse(claims(certificate.getString("payload")).getMap("").containsKey("prs"));
    }

    @Test
    void R27_issuingWithoutThePhotoIsRefusedAndWritesNothing() {
        UUID application = CertificateFixtures.filed(Fixtures.freshApplicant("无照片"),
                new Filing(false, false, null));
        long auditBefore = auditCount();
        as("hrbureau").body(Map.of("applicationId", application, "publicationNumber", PUBLICATION))
                .post("/api/certificates").then().statusCode(409).contentType("application/problem+json")
                .body("code", is("PHOTO_MISSING")).body("rule", is("R27"));
        assertEquals(auditBefore, auditCount());
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(ApplicationState.FILED, Application.<Application>findById(application).state());
            assertFalse(Certificate.findByApplication(application).isPresent());
        });
    }

    @Test
    void R30_aGrassrootsCertificateStatesItsRestrictionInTheViewAndTheClaims() {
        JsonPath certificate = Issued.issue(Fixtures.freshApplicant("基层人"), new Filing(true, true, null));
        assertEquals(true, certificate.getBoolean("grassroots"));
        assertEquals("限基层单位有效（定向评价、定向使用）", certificate.getString("restriction"));
        assertEquals("GRASSROOTS", claims(certificate.getString("payload")).getString("rst"));
        anyone().body(Map.of("number", certificate.getString("number"), "name", "基层人"))
                .post("/api/public/certificates/lookup").then().statusCode(200).body("grassroots", is(true));
    }

    @Test
    void R30_aCertificateOffTheGrassrootsTrackHasNoRestriction() {
        JsonPath certificate = Issued.issue();
        assertFalse(certificate.getBoolean("grassroots"));
        assertNull(certificate.get("restriction"));
        assertFalse(claims(certificate.getString("payload")).getMap("").containsKey("rst"));
    }

    @Test
    void onlyTheHrBureauIssuesAndOnlyFiledApplicationsOnce() {
        UUID passed = Fixtures.applicationIn(ApplicationState.PASSED);
        as("hrbureau").body(Map.of("applicationId", passed, "publicationNumber", PUBLICATION))
                .post("/api/certificates").then().statusCode(409).body("code", is("ILLEGAL_TRANSITION"));
        UUID filed = CertificateFixtures.filed(Fixtures.freshApplicant("一次"), Filing.PLAIN);
        Map<String, Object> body = Map.of("applicationId", filed, "publicationNumber", PUBLICATION);
        as("office").body(body).post("/api/certificates").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/certificates").then().statusCode(401);
        as("hrbureau").body(Map.of("applicationId", filed)).post("/api/certificates").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
        as("hrbureau").body(body).post("/api/certificates").then().statusCode(201)
                .header("Location", containsString("/api/certificates/")).body("number", not(nullValue()));
        as("hrbureau").body(body).post("/api/certificates").then().statusCode(409).body("code", is("ALREADY_ISSUED"));
    }

    @Test
    void aRoundIsIssuedAtOnceAndThoseWithoutAPhotoAreListedWithWhy() {
        int year = LocalDate.now(ClockProducer.CHINA).getYear();
        CertificateFixtures.FiledRound round = CertificateFixtures.filedRound(year,
                List.of(Filing.PLAIN, new Filing(false, false, null), new Filing(true, true, "配电工程")));
        JsonPath batch = as("hrbureau").body(Map.of("roundId", round.roundId(), "publicationNumber", PUBLICATION))
                .post("/api/certificates/batches").then().statusCode(200)
                .body("issued", hasSize(2)).body("skipped", hasSize(1))
                .body("skipped[0].applicationId", is(round.applications().get(1).toString()))
                .body("skipped[0].code", is("PHOTO_MISSING")).body("skipped[0].holderName", is("批量持证人"))
                .body("issued.grassroots", containsInAnyOrder(false, true))
                .extract().jsonPath();
        List<String> numbers = batch.getList("issued.number");
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(ApplicationState.CERTIFIED,
                    Application.<Application>findById(round.applications().get(0)).state());
            assertEquals(ApplicationState.FILED,
                    Application.<Application>findById(round.applications().get(1)).state());
        });
        for (String payload : batch.<String>getList("issued.payload")) {
            anyone().body(Map.of("payload", payload)).post("/api/public/certificates/verify").then()
                    .statusCode(200).body("result", is("VALID")).body("status", is("VALID"));
        }
        assertEquals(2, numbers.stream().distinct().count());

        as("hrbureau").body(Map.of("roundId", round.roundId(), "publicationNumber", PUBLICATION))
                .post("/api/certificates/batches").then().statusCode(200)
                .body("issued", hasSize(0)).body("skipped", hasSize(1));
        as("office").body(Map.of("roundId", round.roundId(), "publicationNumber", PUBLICATION))
                .post("/api/certificates/batches").then().statusCode(403);
        as(CertificateFixtures.otherBureau())
                .body(Map.of("roundId", round.roundId(), "publicationNumber", PUBLICATION))
                .post("/api/certificates/batches").then().statusCode(404).body("code", is("ROUND_NOT_FOUND"));
    }

    @Test
    void theIssuerListsItsCertificatesByYearStatusAndNumberOrName() {
        JsonPath certificate = Issued.issue(Fixtures.freshApplicant("列表人"), Filing.PLAIN);
        String number = certificate.getString("number");
        int year = LocalDate.now(ClockProducer.CHINA).getYear();
        as("hrbureau").queryParam("q", number.toLowerCase()).get("/api/certificates/issued").then().statusCode(200)
                .body("total", is(1)).body("items[0].number", is(number)).body("page", is(0)).body("size", is(20));
        as("hrbureau").queryParam("q", "列表人").queryParam("year", year).queryParam("status", "VALID")
                .get("/api/certificates/issued").then().statusCode(200).body("items.number", org.hamcrest.Matchers
                        .hasItem(number));
        as("hrbureau").queryParam("q", number).queryParam("status", "REVOKED").get("/api/certificates/issued")
                .then().statusCode(200).body("total", is(0));
        as("hrbureau").queryParam("q", number).queryParam("year", year - 1).get("/api/certificates/issued")
                .then().statusCode(200).body("total", is(0));
        as(CertificateFixtures.otherBureau()).queryParam("q", number).get("/api/certificates/issued").then()
                .statusCode(200).body("total", is(0));
    }

    @Test
    void aPageOrYearOutOfRangeIsRefusedAsBadInputNotAServerError() {
        // page × size past the largest row offset, and a year no certificate can have
        as("hrbureau").queryParam("page", 177_538_682).get("/api/certificates/issued").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
        as("hrbureau").queryParam("year", 1_205_358).get("/api/certificates/issued").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
    }

    private static long auditCount() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count());
    }
}
