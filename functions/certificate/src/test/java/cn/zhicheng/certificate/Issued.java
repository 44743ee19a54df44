package cn.zhicheng.certificate;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;

import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.testing.CertificateFixtures;
import cn.zhicheng.core.testing.DemoUsers;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Certificates issued through the real route, and what their signed payloads say, for the tests. */
final class Issued {

    static final String PUBLICATION = "潍人社字〔2026〕12号";

    private Issued() {
    }

    /** A title certificate of the demo applicant, issued by the demo HR bureau. */
    static JsonPath issue() {
        return issue(DemoUsers.actor("applicant"), CertificateFixtures.Filing.PLAIN);
    }

    static JsonPath issue(Actor applicant, CertificateFixtures.Filing filing) {
        UUID application = CertificateFixtures.filed(applicant, filing);
        return as("hrbureau").body(Map.of("applicationId", application, "publicationNumber", PUBLICATION))
                .post("/api/certificates").then().statusCode(201).extract().jsonPath();
    }

    /** The decoded claims of a compact JWS, unverified. */
    static JsonPath claims(String payload) {
        return JsonPath.from(part(payload, 1));
    }

    static JsonPath header(String payload) {
        return JsonPath.from(part(payload, 0));
    }

    static String claimsText(String payload) {
        return part(payload, 1);
    }

    /** A request without sign-in, from its own client address, so rate limits of other tests do not meet it. */
    static RequestSpecification anyone() {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client());
    }

    /** An address of the IPv6 documentation range, then the proxy's hop, as API Gateway forwards them. */
    static String client() {
        String random = UUID.randomUUID().toString().replace("-", "");
        return "2001:db8:" + random.substring(0, 4) + ":" + random.substring(4, 8) + "::" + random.substring(8, 12)
                + ", 203.0.113.9";
    }

    private static String part(String payload, int index) {
        return new String(Base64.getUrlDecoder().decode(payload.split("\\.")[index]), StandardCharsets.UTF_8);
    }
}
