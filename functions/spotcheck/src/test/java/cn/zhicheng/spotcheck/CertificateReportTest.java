package cn.zhicheng.spotcheck;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static cn.zhicheng.spotcheck.SpotCheckTesting.audits;
import static cn.zhicheng.spotcheck.SpotCheckTesting.rows;
import static cn.zhicheng.spotcheck.SpotCheckTesting.state;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.integrity.CertificateReport;
import cn.zhicheng.core.integrity.IntegrityKind;
import cn.zhicheng.core.integrity.IntegrityRecord;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.SpotCheckFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R31: reports of forged, altered or misused certificates, from anyone, decided by the HR bureau. */
@QuarkusTest
class CertificateReportTest {

    @BeforeEach
    void signIn() {
        SpotCheckTesting.signInAll();
    }

    @Test
    void R31_aPublicReportWithBadInputIsRefusedAndNothingIsWritten() {
        long reports = rows(() -> CertificateReport.count());
        long audits = audits();
        report(Map.of("reason", "太短")).then().statusCode(400).body("errors.field", hasItem("reason"));
        report(Map.of("reason", "证书编号与持证人不符，疑似伪造", "certificateNumber", "NOT-A-NUMBER"))
                .then().statusCode(400).body("code", is("MALFORMED_CERTIFICATE_NUMBER"));
        report(Map.of("reason", "证书编号与持证人不符，疑似伪造", "payload", "x".repeat(8001)))
                .then().statusCode(400).body("errors.field", hasItem("payload"));
        given().contentType(ContentType.JSON).body("{").post("/api/public/certificate-reports")
                .then().statusCode(400);
        assertEquals(reports, rows(() -> CertificateReport.count()), "nothing was written");
        assertEquals(audits, audits());

        report(Map.of("reason", "扫码显示的姓名与出示人不一致")).then().statusCode(201)
                .body("reference", matchesPattern("[A-HJ-NP-Z2-9]{10}")).body("createdAt", notNullValue());
    }

    @Test
    void R31_reportProvenCreatesRecordAndRevokes() {
        UUID applicationId = SpotCheckFixtures.certified();
        String number = QuarkusTransaction.requiringNew().call(
                () -> Certificate.findByApplication(applicationId).orElseThrow().number);
        String reference = report(Map.of("reason", "持证人承认证书业绩系编造", "certificateNumber", number))
                .then().statusCode(201).extract().path("reference");
        UUID id = QuarkusTransaction.requiringNew().call(
                () -> CertificateReport.findByReference(reference).orElseThrow().id);
        as("hrbureau").queryParam("state", "OPEN").get("/api/certificate-reports").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.certificateKnown", is(true));
        as("office").get("/api/certificate-reports").then().statusCode(403);

        Map<String, Object> decision = new HashMap<>(Map.of("outcome", "PROVEN", "note", "经核实，证书系冒用",
                "personIdNumber", "370702199003151230", "revokeCertificate", true, "version", 0));
        as("hrbureau").body(decision).post("/api/certificate-reports/" + id + "/decision").then().statusCode(200)
                .body("state", is("PROVEN")).body("integrityRecordId", notNullValue());
        assertEquals("REVOKED", state(applicationId));
        UUID applicant = DemoUsers.actor("applicant").personId();
        QuarkusTransaction.requiringNew().run(() -> {
            Certificate certificate = Certificate.findByNumber(number).orElseThrow();
            assertEquals(CertificateStatus.REVOKED, certificate.status);
            assertNotNull(certificate.revokedAt);
            IntegrityRecord record = IntegrityRecord.find("reportId", id).firstResult();
            assertEquals(IntegrityKind.CERTIFICATE_MISUSE, record.kind);
            assertEquals(applicant, record.personId);
            assertEquals(certificate.id, record.certificateId);
        });

        long audits = audits();
        decision.put("version", 1);
        as("hrbureau").body(decision).post("/api/certificate-reports/" + id + "/decision")
                .then().statusCode(409).body("code", is("REPORT_DECIDED")).body("rule", is("R31"));
        assertEquals(audits, audits(), "nothing was written");
        assertEquals(1, rows(() -> IntegrityRecord.count("reportId", id)));
    }

    @Test
    void R31_aReportDismissedWithANoteEntersNoRecord() {
        String reference = report(Map.of("reason", "怀疑证书照片被修改过")).then().statusCode(201)
                .extract().path("reference");
        UUID id = QuarkusTransaction.requiringNew().call(
                () -> CertificateReport.findByReference(reference).orElseThrow().id);
        long audits = audits();
        as("hrbureau").body(Map.of("outcome", "DISMISSED", "version", 0))
                .post("/api/certificate-reports/" + id + "/decision")
                .then().statusCode(400).body("errors.field", hasItem("note"));
        as("hrbureau").body(Map.of("outcome", "PROVEN", "note", "x", "revokeCertificate", true, "version", 0))
                .post("/api/certificate-reports/" + id + "/decision")
                .then().statusCode(422).body("code", is("NO_CERTIFICATE_TO_REVOKE"));
        assertEquals(audits, audits(), "nothing was written");

        as("hrbureau").body(Map.of("outcome", "DISMISSED", "note", "照片与档案一致，举报不实", "version", 0))
                .post("/api/certificate-reports/" + id + "/decision").then().statusCode(200)
                .body("state", is("DISMISSED")).body("integrityRecordId", nullValue());
        assertEquals(0, rows(() -> IntegrityRecord.count("reportId", id)));
        as("hrbureau").queryParam("state", "DISMISSED").get("/api/certificate-reports").then()
                .body("id", hasItem(id.toString()));
    }

    private static io.restassured.response.Response report(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/public/certificate-reports");
    }
}
