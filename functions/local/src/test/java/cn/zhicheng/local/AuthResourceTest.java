package cn.zhicheng.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local identity provider on the embedded default: sign-in, registration with an ID number check. */
@QuarkusTest
class AuthResourceTest {

    private static io.restassured.specification.RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    @Test
    void demoAccountsSignInAndGetCognitoShapedTokens() {
        String token = json().body(Map.of("username", "office", "password", "demo123")).post("/api/auth/sign-in")
                .then().statusCode(200).body("account.role", is("COMMITTEE_OFFICE"))
                .body("account.committeeId", not(nullValue())).extract().path("token");
        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(200).body("username", is("office"))
                .body("displayName", is("刘洋"));
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhich() {
        json().body(Map.of("username", "applicant", "password", "wrong")).post("/api/auth/sign-in")
                .then().statusCode(401).contentType("application/problem+json").body("code", is("BAD_CREDENTIALS"));
        json().body(Map.of("username", "nobody", "password", "wrong")).post("/api/auth/sign-in")
                .then().statusCode(401).body("code", is("BAD_CREDENTIALS"));
        given().get("/api/auth/me").then().statusCode(401).body("code", is("UNAUTHENTICATED"));
    }

    @Test
    void anInvalidIdNumberIsRefusedAtRegistrationAndNothingIsWritten() {
        json().body(Map.of("username", "wang-wu", "password", "long-enough", "name", "王五",
                "idNumber", "370702199003151231")).post("/api/auth/register")
                .then().statusCode(400).body("code", is("INVALID_ID_NUMBER")).body("errors.field", hasItem("idNumber"));
        json().body(Map.of("username", "wang-wu", "password", "long-enough")).post("/api/auth/sign-in")
                .then().statusCode(401);
    }

    @Test
    void aNewApplicantRegistersSignsInAndSeesTheirOwnIdNumber() {
        String token = json().body(Map.of("username", "zhao-liu", "password", "long-enough", "name", "赵六",
                "idNumber", "370702197801010062")).post("/api/auth/register")
                .then().statusCode(201).body("account.role", is("APPLICANT")).extract().path("token");
        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(200).body("displayName", is("赵六"));
        json().body(Map.of("username", "zhao-liu-2", "password", "long-enough", "name", "赵六",
                "idNumber", "370702197801010062")).post("/api/auth/register")
                .then().statusCode(409).body("code", is("ID_NUMBER_REGISTERED"));
    }

    @Test
    void theWebAppIsServedForItsOwnRoutesAndUnknownApiPathsStayProblems() {
        given().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }
}
