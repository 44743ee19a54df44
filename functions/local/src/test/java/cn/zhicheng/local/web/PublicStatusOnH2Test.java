package cn.zhicheng.local.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.testing.IssuedCertificates;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The ping baseline of benchmark P1, and the status route's one SQL statement on the embedded H2 database. */
@QuarkusTest
class PublicStatusOnH2Test {

    @Test
    void pingAnswersTrivialJson() {
        given().get("/api/public/ping").then().statusCode(200).contentType("application/json").body("ok", is(true));
    }

    @Test
    void R29_theStatusQueryRunsOnH2() {
        String old = IssuedCertificates.title();
        String reissue = IssuedCertificates.reissue(old, java.time.Instant.parse("2026-05-06T07:08:09Z"));

        given().get("/api/public/certificates/{n}/status", old).then().statusCode(200)
                .body("status", is("SUPERSEDED")).body("supersededBy", is(reissue))
                .body("supersededAt", is("2026-05-06T07:08:09Z"));
        given().get("/api/public/certificates/{n}/status", CertificateNumber.of("ZZ", 2020, 1).value()).then()
                .statusCode(404).body("code", is("CERTIFICATE_NOT_FOUND"));
    }
}
