package cn.zhicheng.certificate;

import static cn.zhicheng.certificate.Issued.anyone;
import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.seal.EcdsaSignatures;
import cn.zhicheng.core.seal.JwsCompact;
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
import org.junit.jupiter.api.Test;

/** The public routes: verification of a signed payload, the trust list and the typed lookup (R27, R28). */
@QuarkusTest
class CertificateResourceTest {

    @Test
    void R28_anIssuedCertificateIsSignedAndVerifiableByAnyone() {
        JsonPath certificate = Issued.issue();
        String payload = certificate.getString("payload");
        String number = certificate.getString("number");

        anyone().body(Map.of("payload", payload)).post("/api/public/certificates/verify").then().statusCode(200)
                .body("result", is("VALID")).body("status", is("VALID"))
                .body("claims.num", is(number)).body("claims.name", is("张伟"))
                .body("claims.idm", is("3707**********1230"));
        var trustList = anyone().get("/api/public/certificates/trust-list").then().statusCode(200);
        // the Lambda event layer hands a header with commas on as one value per part
        assertEquals("public, max-age=300",
                String.join(", ", trustList.extract().headers().getValues("Cache-Control")));
        trustList.body("generatedAt", not(nullValue()))
                .body("keys.kid", hasItem(certificate.getString("kid")))
                .body("keys.find { it.kid == '" + certificate.getString("kid") + "' }.jwk.crv", is("P-256"))
                .body("keys.find { it.kid == '" + certificate.getString("kid") + "' }.status", is("CURRENT"));
        as("applicant").get("/api/certificates/mine").then().statusCode(200).body("number", hasItem(number))
                .body("find { it.number == '" + number + "' }.verifyUrl", startsWith("http"));
    }

    @Test
    void R27_aLookupByNumberAndNameShowsTheMaskedIdAndStatus() {
        JsonPath certificate = Issued.issue();
        String number = certificate.getString("number");
        anyone().body(Map.of("number", number, "name", "张伟")).post("/api/public/certificates/lookup")
                .then().statusCode(200).body("holderName", is("张伟")).body("maskedIdNumber", is("3707**********1230"))
                .body("seriesName", is("工程技术")).body("level", is("INTERMEDIATE")).body("status", is("VALID"))
                .body("kind", is("TITLE")).body("publicationNumber", is(Issued.PUBLICATION))
                .body("issuerName", is("潍坊市人力资源和社会保障局")).body("payload", nullValue());
        anyone().body(Map.of("number", number.toLowerCase(), "name", " 张 伟 ")).post("/api/public/certificates/lookup")
                .then().statusCode(200);
    }

    @Test
    void aLookupThatFindsNothingSaysWhy() {
        String number = Issued.issue().getString("number");
        anyone().body(Map.of("number", "NOT-A-NUMBER", "name", "张伟")).post("/api/public/certificates/lookup")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", is("MALFORMED_CERTIFICATE_NUMBER")).body("reason", is("WRONG_FORMAT"));
        char last = number.charAt(number.length() - 1);
        String mistyped = number.substring(0, number.length() - 1) + (last == 'A' ? 'B' : 'A');
        anyone().body(Map.of("number", mistyped, "name", "张伟")).post("/api/public/certificates/lookup")
                .then().statusCode(400).body("code", is("MALFORMED_CERTIFICATE_NUMBER"))
                .body("reason", is("BAD_CHECK_CHARACTER")).body("detail", containsString("mistyped"));
        String unknown = CertificateNumber.of("WFHRSS", 2020, 999_999).value();
        anyone().body(Map.of("number", unknown, "name", "张伟")).post("/api/public/certificates/lookup")
                .then().statusCode(404).body("code", is("CERTIFICATE_NOT_FOUND"));
        anyone().body(Map.of("number", number, "name", "李四")).post("/api/public/certificates/lookup")
                .then().statusCode(404).body("code", is("NAME_MISMATCH")).body("holderName", nullValue());
        anyone().body(Map.of("number", unknown)).post("/api/public/certificates/lookup")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED")).body("errors.field", hasItem("name"));
    }

    @Test
    void lookupsFromOneClientAreRateLimited() {
        String client = Issued.client();
        String unknown = CertificateNumber.of("WFHRSS", 2020, 999_998).value();
        Map<String, String> body = Map.of("number", unknown, "name", "张伟");
        // the test profile allows 5 at once
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).header("X-Forwarded-For", client).body(body)
                    .post("/api/public/certificates/lookup").then().statusCode(404);
        }
        given().contentType(ContentType.JSON).header("X-Forwarded-For", client).body(body)
                .post("/api/public/certificates/lookup").then().statusCode(429)
                .contentType("application/problem+json").body("code", is("RATE_LIMITED"))
                .body("retryAfterSeconds", greaterThan(0)).header("Retry-After", not(nullValue()));
        anyone().body(body).post("/api/public/certificates/lookup").then().statusCode(404);
    }

    @Test
    void aTamperedPayloadIsReportedAsTampered() {
        String payload = Issued.issue().getString("payload");
        String[] parts = payload.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("INTERMEDIATE", "FULL_SENIOR");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        anyone().body(Map.of("payload", forged)).post("/api/public/certificates/verify").then().statusCode(200)
                .body("result", is("TAMPERED")).body("claims", nullValue());
        anyone().body(Map.of("payload", "garbage")).post("/api/public/certificates/verify").then().statusCode(200)
                .body("result", is("TAMPERED"));
    }

    @Test
    void aJwsOfAnotherTypeIsNotACertificate() throws Exception {
        String payload = Issued.issue().getString("payload");
        String kid = Issued.header(payload).getString("kid");
        KeyPair pair = ephemeral();
        String other = JwsCompact.sign(Map.of("kid", kid, "typ", "JWT"), "{\"num\":\"X\"}".getBytes(
                StandardCharsets.UTF_8), message -> sign(message, pair));
        anyone().body(Map.of("payload", other)).post("/api/public/certificates/verify").then().statusCode(200)
                .body("result", is("TAMPERED")).body("reason", containsString("zhicheng-cert+jws"));
    }

    @Test
    void aPayloadSignedByAKeyOutsideTheTrustListIsFromAnUnknownIssuer() throws Exception {
        KeyPair pair = ephemeral();
        String forged = JwsCompact.sign("FORGER-1", "{\"num\":\"X\",\"name\":\"张伟\"}".getBytes(StandardCharsets.UTF_8),
                message -> sign(message, pair));
        anyone().body(Map.of("payload", forged)).post("/api/public/certificates/verify").then().statusCode(200)
                .body("result", is("UNKNOWN_ISSUER"));
    }

    @Test
    void aPayloadOverFourThousandCharactersIsRefusedBeforeParsing() {
        anyone().body(Map.of("payload", "a".repeat(4_001))).post("/api/public/certificates/verify").then()
                .statusCode(413).contentType("application/problem+json").body("code", is("PAYLOAD_TOO_LARGE"));
        anyone().body(Map.of("payload", "a".repeat(4_000))).post("/api/public/certificates/verify").then()
                .statusCode(200).body("result", is("TAMPERED"));
    }

    private static KeyPair ephemeral() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static byte[] sign(byte[] message, KeyPair pair) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(pair.getPrivate());
            signature.update(message);
            return EcdsaSignatures.derToJose(signature.sign(), 32);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
