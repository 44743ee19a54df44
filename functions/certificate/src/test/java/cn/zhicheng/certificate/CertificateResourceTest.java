package cn.zhicheng.certificate;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.seal.EcdsaSignatures;
import cn.zhicheng.core.seal.JwsCompact;
import cn.zhicheng.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issuing with the KMS e-seal key on the emulator, and the public lookup and verification (R27, R28). */
@QuarkusTest
class CertificateResourceTest {

    private static JsonPath issue() {
        UUID id = Fixtures.applicationIn(ApplicationState.FILED);
        return as("hrbureau").body(Map.of("applicationId", id.toString())).post("/api/certificates")
                .then().statusCode(201).extract().jsonPath();
    }

    private static io.restassured.specification.RequestSpecification anyone() {
        return given().contentType(ContentType.JSON);
    }

    @Test
    void R28_issuedCertificateIsSignedAndVerifiableByAnyone() {
        JsonPath certificate = issue();
        String payload = certificate.getString("payload");
        String number = certificate.getString("number");
        assertFalse(new String(Base64.getUrlDecoder().decode(payload.split("\\.")[1]), StandardCharsets.UTF_8)
                .contains("370702199003151230"), "the signed payload never carries the full ID number");

        anyone().body(Map.of("payload", payload)).post("/api/certificates/verify").then().statusCode(200)
                .body("result", is("VALID")).body("status", is("VALID"))
                .body("claims.num", is(number)).body("claims.name", is("张伟"))
                .body("claims.idm", is("3707**********1230"));
        anyone().get("/api/certificates/trust-list").then().statusCode(200)
                .body("keys.kid", hasItem(kid(payload)))
                .body("keys[0].jwk.crv", is("P-256"));
        as("applicant").get("/api/certificates/mine").then().statusCode(200).body("number", hasItem(number))
                .body("find { it.number == '" + number + "' }.verifyUrl", startsWith("http"));
    }

    @Test
    void R27_lookupByNumberAndNameShowsTheMaskedIdAndStatus() {
        JsonPath certificate = issue();
        String number = certificate.getString("number");
        anyone().body(Map.of("number", number, "name", "张伟")).post("/api/certificates/lookup")
                .then().statusCode(200).body("holderName", is("张伟")).body("maskedIdNumber", is("3707**********1230"))
                .body("seriesName", is("工程技术")).body("level", is("INTERMEDIATE")).body("status", is("VALID"))
                .body("issuerName", is("潍坊市人力资源和社会保障局"));
        anyone().body(Map.of("number", number.toLowerCase(), "name", " 张 伟 ")).post("/api/certificates/lookup")
                .then().statusCode(200);
        anyone().body(Map.of("number", number, "name", "李四")).post("/api/certificates/lookup")
                .then().statusCode(404).body("code", is("NAME_MISMATCH")).body("holderName", nullValue());
    }

    @Test
    void aTamperedPayloadIsReportedAsTampered() {
        String payload = issue().getString("payload");
        String[] parts = payload.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("INTERMEDIATE", "FULL_SENIOR");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        anyone().body(Map.of("payload", forged)).post("/api/certificates/verify").then().statusCode(200)
                .body("result", is("TAMPERED")).body("claims", nullValue());
        anyone().body(Map.of("payload", "garbage")).post("/api/certificates/verify").then().statusCode(200)
                .body("result", is("TAMPERED"));
    }

    @Test
    void aPayloadSignedByAKeyOutsideTheTrustListIsFromAnUnknownIssuer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String forged = JwsCompact.sign("FORGER-1", "{\"num\":\"X\",\"name\":\"张伟\"}".getBytes(StandardCharsets.UTF_8),
                message -> {
                    try {
                        Signature signature = Signature.getInstance("SHA256withECDSA");
                        signature.initSign(pair.getPrivate());
                        signature.update(message);
                        return EcdsaSignatures.derToJose(signature.sign(), 32);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        anyone().body(Map.of("payload", forged)).post("/api/certificates/verify").then().statusCode(200)
                .body("result", is("UNKNOWN_ISSUER"));
    }

    @Test
    void lookupsThatFindNothingSayWhy() {
        anyone().body(Map.of("number", "NOT-A-NUMBER", "name", "张伟")).post("/api/certificates/lookup")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", is("MALFORMED_CERTIFICATE_NUMBER"));
        String unknown = cn.zhicheng.core.certificate.CertificateNumber.of("WFHRSS", 2020, 999_999).value();
        anyone().body(Map.of("number", unknown, "name", "张伟")).post("/api/certificates/lookup")
                .then().statusCode(404).body("code", is("CERTIFICATE_NOT_FOUND"));
        anyone().body(Map.of("number", unknown)).post("/api/certificates/lookup")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED")).body("errors.field", hasItem("name"));
    }

    @Test
    void onlyTheHrBureauIssuesAndOnlyFiledApplications() {
        UUID passed = Fixtures.applicationIn(ApplicationState.PASSED);
        as("hrbureau").body(Map.of("applicationId", passed.toString())).post("/api/certificates")
                .then().statusCode(409).body("code", is("ILLEGAL_TRANSITION"));
        UUID filed = Fixtures.applicationIn(ApplicationState.FILED);
        as("office").body(Map.of("applicationId", filed.toString())).post("/api/certificates")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("applicationId", filed.toString()))
                .post("/api/certificates").then().statusCode(401);
        as("hrbureau").body(Map.of("applicationId", filed.toString())).post("/api/certificates")
                .then().statusCode(201).body("number", not(nullValue()));
        as("hrbureau").body(Map.of("applicationId", filed.toString())).post("/api/certificates")
                .then().statusCode(409);
    }

    private static String kid(String payload) {
        String header = new String(Base64.getUrlDecoder().decode(payload.split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }
}
