package cn.zhicheng.certificate;

import static cn.zhicheng.certificate.Issued.anyone;
import static cn.zhicheng.certificate.Issued.claims;
import static cn.zhicheng.core.testing.DemoUsers.as;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateIssuer;
import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.IssueCommand;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.testing.CatalogueFixtures;
import cn.zhicheng.core.testing.CertificateFixtures;
import cn.zhicheng.core.testing.CertificateFixtures.Filing;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.Fixtures;
import cn.zhicheng.core.testing.TestCommittees;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** After issuance: reissue by the original issuer only (R29), revocation, key rotation, appointment terms. */
@QuarkusTest
class CertificateLifecycleTest {

    @Inject
    CertificateIssuer issuer;

    @Test
    void R29_aReissueByTheOriginalIssuerSupersedesTheOldCertificate() {
        Actor holder = Fixtures.freshApplicant("补证人");
        JsonPath old = Issued.issue(holder, new Filing(true, true, "配电工程"));
        String oldNumber = old.getString("number");

        JsonPath reissued = as("hrbureau").body(Map.of("reason", "LOST", "note", "遗失登报声明",
                "version", old.getLong("version"))).post("/api/certificates/" + old.getString("id") + "/reissue")
                .then().statusCode(201).extract().jsonPath();
        assertNotEquals(oldNumber, reissued.getString("number"));
        assertEquals(oldNumber, reissued.getString("supersedes"));
        assertEquals("LOST", reissued.getString("reissueReason"));
        assertEquals("VALID", reissued.getString("status"));
        for (String field : new String[] {"holderName", "sex", "maskedIdNumber", "seriesName", "specialty",
            "practisedSpecialty", "level", "committeeName", "publicationNumber", "issuerId", "grassroots",
            "restriction"}) {
            assertEquals(old.getString(field), reissued.getString(field), field + " is copied");
        }
        JsonPath claims = claims(reissued.getString("payload"));
        assertEquals(oldNumber, claims.getString("rei"));
        assertEquals("GRASSROOTS", claims.getString("rst"));

        as("hrbureau").get("/api/certificates/" + old.getString("id")).then().statusCode(200)
                .body("status", is("SUPERSEDED")).body("supersededBy", is(reissued.getString("number")))
                .body("supersededAt", not(nullValue()));
        anyone().body(Map.of("number", oldNumber, "name", "补证人")).post("/api/public/certificates/lookup")
                .then().statusCode(200).body("status", is("SUPERSEDED"))
                .body("supersededBy", is(reissued.getString("number")));
        anyone().body(Map.of("payload", reissued.getString("payload"))).post("/api/public/certificates/verify")
                .then().statusCode(200).body("result", is("VALID")).body("status", is("VALID"))
                .body("claims.rei", is(oldNumber));
        // fraud revocation (R20) reaches the certificate that stands, not the superseded one
        UUID application = QuarkusTransaction.requiringNew()
                .call(() -> Certificate.<Certificate>find("number", oldNumber).firstResult().applicationId);
        String standing = QuarkusTransaction.requiringNew()
                .call(() -> Certificate.currentForApplication(application).orElseThrow().number);
        assertEquals(reissued.getString("number"), standing);

        as("hrbureau").body(Map.of("reason", "DAMAGED")).post("/api/certificates/" + old.getString("id")
                + "/reissue").then().statusCode(409).body("code", is("CERTIFICATE_NOT_CURRENT"));
    }

    @Test
    void R29_aReissueByAnotherIssuerIsRefusedNamingTheOriginalAndWritesNothing() {
        JsonPath old = Issued.issue(Fixtures.freshApplicant("外地人"), Filing.PLAIN);
        String other = CertificateFixtures.otherBureau();
        long certificatesBefore = QuarkusTransaction.requiringNew().call(() -> Certificate.count());
        long auditBefore = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count());
        as(other).body(Map.of("reason", "LOST")).post("/api/certificates/" + old.getString("id") + "/reissue")
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", is("NOT_ORIGINAL_ISSUER")).body("rule", is("R29"))
                .body("issuerName", is("潍坊市人力资源和社会保障局"))
                .body("detail", org.hamcrest.Matchers.containsString("潍坊市人力资源和社会保障局"));
        as("selfeval").body(Map.of("reason", "LOST")).post("/api/certificates/" + old.getString("id") + "/reissue")
                .then().statusCode(403).body("code", is("NOT_ORIGINAL_ISSUER")).body("rule", is("R29"));
        as(other).body(Map.of("reason", "wrong")).post("/api/certificates/" + old.getString("id") + "/revoke")
                .then().statusCode(403).body("code", is("NOT_ORIGINAL_ISSUER"));
        assertEquals(certificatesBefore, (long) QuarkusTransaction.requiringNew().<Long>call(() -> Certificate.count()));
        assertEquals(auditBefore, (long) QuarkusTransaction.requiringNew().<Long>call(() -> AuditEvent.count()));
        as("hrbureau").get("/api/certificates/" + old.getString("id")).then().statusCode(200)
                .body("status", is("VALID"));
    }

    @Test
    void R29_aHolderAsksTheOriginalIssuerWhichReissuesOrRefuses() {
        Actor holder = Fixtures.freshApplicant("申请补证");
        TestCommittees.signIn(holder.username());
        JsonPath certificate = Issued.issue(holder, Filing.PLAIN);
        String id = certificate.getString("id");

        as(holder.username()).body(Map.of("reason", "CORRECTION")).post("/api/certificates/" + id
                + "/reissue-requests").then().statusCode(400).body("code", is("REISSUE_REASON_INVALID"));
        JsonPath request = as(holder.username()).body(Map.of("reason", "DAMAGED", "note", "证书被水浸"))
                .post("/api/certificates/" + id + "/reissue-requests").then().statusCode(201)
                .body("state", is("PENDING")).body("certificateNumber", is(certificate.getString("number")))
                .body("holderName", is("申请补证")).extract().jsonPath();
        as(holder.username()).body(Map.of("reason", "LOST")).post("/api/certificates/" + id + "/reissue-requests")
                .then().statusCode(409).body("code", is("REISSUE_REQUEST_PENDING"));
        as("applicant").body(Map.of("reason", "LOST")).post("/api/certificates/" + id + "/reissue-requests")
                .then().statusCode(404);
        // routed to the original issuer (谁发证，向谁申请), and to no one else
        as("hrbureau").queryParam("state", "PENDING").get("/api/certificates/reissue-requests").then()
                .statusCode(200).body("id", hasItem(request.getString("id")));
        as(CertificateFixtures.otherBureau()).get("/api/certificates/reissue-requests").then().statusCode(200)
                .body("id", not(hasItem(request.getString("id"))));

        JsonPath reissued = as("hrbureau").body(Map.of("reason", "DAMAGED", "requestId", request.getString("id")))
                .post("/api/certificates/" + id + "/reissue").then().statusCode(201).extract().jsonPath();
        as(holder.username()).get("/api/certificates/reissue-requests").then().statusCode(200)
                .body("find { it.id == '" + request.getString("id") + "' }.state", is("DONE"))
                .body("find { it.id == '" + request.getString("id") + "' }.newCertificateNumber",
                        is(reissued.getString("number")));
        as(holder.username()).get("/api/certificates/mine").then().statusCode(200)
                .body("number", hasItem(reissued.getString("number")))
                .body("number", hasItem(certificate.getString("number")));

        JsonPath second = as(holder.username()).body(Map.of("reason", "LOST"))
                .post("/api/certificates/" + reissued.getString("id") + "/reissue-requests").then().statusCode(201)
                .extract().jsonPath();
        as(holder.username()).body(Map.of("note", "x")).post("/api/certificates/reissue-requests/"
                + second.getString("id") + "/refuse").then().statusCode(403);
        as("hrbureau").body(Map.of("note", "请先登报声明遗失", "version", second.getLong("version") + 1))
                .post("/api/certificates/reissue-requests/" + second.getString("id") + "/refuse").then()
                .statusCode(409).body("code", is("STALE_VERSION"));
        as("hrbureau").body(Map.of("note", "请先登报声明遗失", "version", second.getLong("version")))
                .post("/api/certificates/reissue-requests/" + second.getString("id") + "/refuse").then()
                .statusCode(200).body("state", is("REFUSED")).body("decisionNote", is("请先登报声明遗失"))
                .body("decidedAt", not(nullValue()));
        as("hrbureau").body(Map.of("reason", "LOST", "requestId", second.getString("id")))
                .post("/api/certificates/" + reissued.getString("id") + "/reissue").then().statusCode(409)
                .body("code", is("REISSUE_REQUEST_NOT_PENDING"));
    }

    @Test
    void theIssuerRevokesToCorrectAndTheVerifierIsToldTheCause() {
        JsonPath certificate = Issued.issue(Fixtures.freshApplicant("撤销人"), Filing.PLAIN);
        String id = certificate.getString("id");
        as("hrbureau").body(Map.of("reason", "专业填错", "version", certificate.getLong("version") + 1))
                .post("/api/certificates/" + id + "/revoke").then().statusCode(409).body("code", is("STALE_VERSION"));
        as("hrbureau").body(Map.of("reason", "专业填错", "version", certificate.getLong("version")))
                .post("/api/certificates/" + id + "/revoke").then().statusCode(200)
                .body("status", is("REVOKED")).body("revocationCause", is("CORRECTION"))
                .body("revocationReason", is("专业填错")).body("revokedAt", not(nullValue()));
        anyone().body(Map.of("number", certificate.getString("number"), "name", "撤销人"))
                .post("/api/public/certificates/lookup").then().statusCode(200).body("status", is("REVOKED"))
                .body("revocationCause", is("CORRECTION")).body("revocationReason", nullValue());
        as("hrbureau").body(Map.of("reason", "again")).post("/api/certificates/" + id + "/revoke").then()
                .statusCode(409).body("code", is("CERTIFICATE_NOT_CURRENT"));
        as("hrbureau").body(Map.of("reason", "LOST")).post("/api/certificates/" + id + "/reissue").then()
                .statusCode(409).body("code", is("CERTIFICATE_NOT_CURRENT"));
    }

    @Test
    void aRetiredKeysCertificatesStillVerifyAndTheTrustListShowsItRetired() {
        JsonPath before = Issued.issue(Fixtures.freshApplicant("换钥前"), Filing.PLAIN);
        String oldKid = before.getString("kid");
        as("hrbureau").body(Map.of("reason", "年度轮换")).post("/api/issuer-keys/rotate").then().statusCode(200)
                .body("find { it.kid == '" + oldKid + "' }.status", is("RETIRED"))
                .body("find { it.kid == '" + oldKid + "' }.retiredReason", is("年度轮换"))
                .body("find { it.status == 'CURRENT' }.kid", not(is(oldKid)));
        JsonPath after = Issued.issue(Fixtures.freshApplicant("换钥后"), Filing.PLAIN);
        assertNotEquals(oldKid, after.getString("kid"));

        anyone().get("/api/public/certificates/trust-list").then().statusCode(200)
                .body("keys.find { it.kid == '" + oldKid + "' }.status", is("RETIRED"))
                .body("keys.find { it.kid == '" + oldKid + "' }.validTo", not(nullValue()))
                .body("keys.find { it.kid == '" + after.getString("kid") + "' }.status", is("CURRENT"))
                .body("keys.find { it.kid == '" + after.getString("kid") + "' }.issuerCode", is("WFHRSS"));
        anyone().body(Map.of("payload", before.getString("payload"))).post("/api/public/certificates/verify")
                .then().statusCode(200).body("result", is("VALID")).body("status", is("VALID"));
        anyone().body(Map.of("payload", after.getString("payload"))).post("/api/public/certificates/verify")
                .then().statusCode(200).body("result", is("VALID"));
        as("hrbureau").get("/api/issuer-keys").then().statusCode(200).body("kid", hasItem(oldKid))
                .body("kid", hasItem(after.getString("kid")));
        as("applicant").get("/api/issuer-keys").then().statusCode(403);
    }

    @Test
    void anAppointmentCertificateHasItsTermAndIsExpiredAfterIt() {
        Actor holder = Fixtures.freshApplicant("聘任人");
        TestCommittees.signIn(holder.username());
        Actor selfEval = DemoUsers.actor("selfeval");
        CatalogueFixtures.sealInForce(CatalogueFixtures.demoUnit()); // R24: the unit signs under its e-seal
        LocalDate today = LocalDate.now(ClockProducer.CHINA);
        Certificate issued = QuarkusTransaction.requiringNew().call(() -> issuer.issue(selfEval,
                new IssueCommand(CertificateKind.APPOINTMENT, holder.personId(), selfEval.unitId(), "高等学校教师",
                        "电子信息", null, TitleLevel.DEPUTY_SENIOR, "副教授", today, today.plusDays(30),
                        "潍坊学院教师职务评审委员会", "潍院人〔2026〕3号", null, null, false, null, null,
                        null, null)));
        String unitCode = QuarkusTransaction.requiringNew().call(() -> Unit.<Unit>findById(selfEval.unitId()).code);
        assertEquals(true, issued.number.startsWith(unitCode));
        JsonPath claims = claims(issued.payload);
        assertEquals("A", claims.getString("knd"));
        assertEquals("副教授", claims.getString("pst"));
        assertEquals(today.toString(), claims.getString("tfr"));
        assertEquals(today.plusDays(30).toString(), claims.getString("tto"));
        assertEquals("潍院人〔2026〕3号", claims.getString("pub"));
        assertFalse(claims.getMap("").containsKey("rei"));

        Map<String, Object> lookup = new HashMap<>(Map.of("number", issued.number, "name", "聘任人"));
        as(holder.username()).get("/api/certificates/" + issued.id).then().statusCode(200)
                .body("kind", is("APPOINTMENT")).body("post", is("副教授"))
                .body("termEndsOn", is(today.plusDays(30).toString())).body("status", is("VALID"));
        as("selfeval").get("/api/certificates/" + issued.id).then().statusCode(200);
        try {
            TestCommittees.clock().set(today.plusDays(31).atTime(9, 0).atZone(ClockProducer.CHINA).toInstant());
            as(holder.username()).get("/api/certificates/" + issued.id).then().statusCode(200)
                    .body("status", is("EXPIRED"));
            anyone().body(lookup).post("/api/public/certificates/lookup").then().statusCode(200)
                    .body("status", is("EXPIRED"));
            anyone().body(Map.of("payload", issued.payload)).post("/api/public/certificates/verify").then()
                    .statusCode(200).body("result", is("VALID")).body("status", is("EXPIRED"));
            as("selfeval").queryParam("status", "EXPIRED").get("/api/certificates/issued").then().statusCode(200)
                    .body("items.number", hasItem(issued.number));
        } finally {
            TestCommittees.clock().reset();
        }
        anyone().body(lookup).post("/api/public/certificates/lookup").then().statusCode(200)
                .body("status", is("VALID"));
    }
}
