package cn.zhicheng.review.setup;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.LocalSignIn;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.review.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The HR bureau's committees (R8 scope, R12 members) and their office staff, on PostgreSQL. */
@QuarkusTest
class CommitteeResourceTest {

    @Inject
    LocalSignIn signIn;

    private static Map<String, Object> newCommittee(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "潍坊市中小学教师中级职称评审委员会");
        body.put("seriesId", TestData.seriesId("TEACHER"));
        body.put("levels", List.of("INTERMEDIATE"));
        body.put("jurisdiction", "潍坊市");
        body.put("organiser", "潍坊市教育局");
        body.put("memberCount", 9);
        return body;
    }

    private static long committees(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Committee.count("code", code));
    }

    @Test
    void R8_R12_hrBureauCreatesACommitteeWithItsScopeAndChangesItAtTheVersionItLoaded() {
        String code = TestData.unique("WF-TEACH");
        String id = as("hrbureau").body(newCommittee(code)).post("/api/committees").then().statusCode(201)
                .body("code", is(code)).body("series.name", is("中小学教师")).body("levels", contains("INTERMEDIATE"))
                .body("jurisdiction", is("潍坊市")).body("organiser", is("潍坊市教育局")).body("memberCount", is(9))
                .body("version", is(0)).extract().path("id");
        as("hrbureau").get("/api/committees").then().statusCode(200)
                .body("code", hasItems("WF-ENG-MID", "WF-ENG-SENIOR", "WF-HEALTH-MID", code));
        assertEquals(1, TestData.audited(UUID.fromString(id), "COMMITTEE_CREATE"));

        Map<String, Object> change = newCommittee(code);
        change.remove("seriesId");
        change.put("levels", List.of("INTERMEDIATE", "ASSISTANT"));
        change.put("jurisdiction", "");
        change.put("memberCount", 11);
        change.put("version", 0);
        as("hrbureau").body(change).put("/api/committees/" + id).then().statusCode(200)
                .body("levels", contains("INTERMEDIATE", "ASSISTANT")).body("jurisdiction", nullValue())
                .body("memberCount", is(11)).body("version", is(1));
        // a second editor who loaded version 0 is told to reload, and nothing of theirs is written
        change.put("memberCount", 3);
        as("hrbureau").body(change).put("/api/committees/" + id).then().statusCode(409)
                .body("code", is("STALE_VERSION"));
        as("hrbureau").get("/api/committees/" + id).then().statusCode(200).body("memberCount", is(11));
        assertEquals(1, TestData.audited(UUID.fromString(id), "COMMITTEE_UPDATE"));
    }

    @Test
    void aTakenCodeAndInvalidFieldsAreRefused() {
        as("hrbureau").body(newCommittee("WF-ENG-MID")).post("/api/committees").then().statusCode(409)
                .body("code", is("COMMITTEE_CODE_TAKEN"));
        Map<String, Object> invalid = newCommittee(TestData.unique("BAD"));
        invalid.put("levels", List.of());
        invalid.put("memberCount", 0);
        invalid.remove("name");
        as("hrbureau").body(invalid).post("/api/committees").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED")).body("errors.field", hasItems("levels", "memberCount", "name"));
        Map<String, Object> unknownSeries = newCommittee(TestData.unique("BAD"));
        unknownSeries.put("seriesId", UUID.randomUUID());
        as("hrbureau").body(unknownSeries).post("/api/committees").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED")).body("errors.field", contains("seriesId"));
        Map<String, Object> badLevel = newCommittee(TestData.unique("BAD"));
        badLevel.put("levels", List.of("GRANDMASTER"));
        as("hrbureau").body(badLevel).post("/api/committees").then().statusCode(400);
        assertEquals(1, committees("WF-ENG-MID"));
    }

    @Test
    void aRepeatedCreateWithTheSameIdempotencyKeyCreatesOnce() {
        String code = TestData.unique("WF-IDEM");
        String key = UUID.randomUUID().toString();
        String first = as("hrbureau").header("Idempotency-Key", key).body(newCommittee(code))
                .post("/api/committees").then().statusCode(201).extract().path("id");
        String second = as("hrbureau").header("Idempotency-Key", key).body(newCommittee(code))
                .post("/api/committees").then().statusCode(201).extract().path("id");
        assertEquals(first, second);
        assertEquals(1, committees(code));
    }

    @Test
    void theOfficeReadsItsOwnCommitteeOnly() {
        UUID own = TestData.committeeId("WF-ENG-MID");
        UUID senior = TestData.committeeId("WF-ENG-SENIOR");
        as("office").get("/api/committees").then().statusCode(200).body("code", contains("WF-ENG-MID"));
        as("office").get("/api/committees/" + own).then().statusCode(200).body("levels",
                containsInAnyOrder("INTERMEDIATE", "ASSISTANT", "MEMBER"));
        as("office").get("/api/committees/" + senior).then().statusCode(404).body("code", is("COMMITTEE_NOT_FOUND"));
        as("office").body(newCommittee(TestData.unique("X"))).post("/api/committees").then().statusCode(403);
        as("office").body(Map.of("code", "X", "name", "x", "levels", List.of("MEMBER"), "memberCount", 1,
                "version", 0)).put("/api/committees/" + own).then().statusCode(403);
        as("office").get("/api/committees/" + own + "/staff").then().statusCode(403);
    }

    @Test
    void anotherBureausCommitteeIsNotFound() {
        UUID theirs = TestData.otherBureauCommittee();
        UUID ours = TestData.committeeId("WF-ENG-MID");
        as(TestData.OTHER_HR).get("/api/committees").then().statusCode(200)
                .body("code", contains("QD-TEACH-MID"));
        as(TestData.OTHER_HR).get("/api/committees/" + ours).then().statusCode(404)
                .body("code", is("COMMITTEE_NOT_FOUND"));
        as(TestData.OTHER_HR).get("/api/committees/" + ours + "/staff").then().statusCode(404);
        as(TestData.OTHER_HR).body(Map.of("username", TestData.unique("x"), "displayName", "x",
                "password", "long enough")).post("/api/committees/" + ours + "/staff").then().statusCode(404);
        as(TestData.OTHER_HR).body(Map.of("code", "WF-ENG-MID", "name", "x", "levels", List.of("MEMBER"),
                "memberCount", 1, "version", 0)).put("/api/committees/" + ours).then().statusCode(404);
        as("hrbureau").get("/api/committees").then().statusCode(200).body("code", not(hasItem("QD-TEACH-MID")));
        as("hrbureau").get("/api/committees/" + theirs).then().statusCode(404);
    }

    @Test
    void signInIsRequiredAndOtherRolesAreForbidden() {
        given().get("/api/committees").then().statusCode(401).body("code", is("UNAUTHENTICATED"));
        given().contentType("application/json").body(newCommittee("NOPE")).post("/api/committees").then()
                .statusCode(401);
        as("applicant").get("/api/committees").then().statusCode(403).body("code", is("FORBIDDEN"));
        as("unit").get("/api/committees").then().statusCode(403);
        as("expert").get("/api/committees").then().statusCode(403);
        as("unit").body(newCommittee("NOPE")).post("/api/committees").then().statusCode(403);
    }

    @Test
    void theHrBureauGivesTheOfficeStaffSignInsThatWork() {
        UUID committee = TestData.committeeId("WF-ENG-MID");
        String username = TestData.unique("staff");
        String id = as("hrbureau").body(Map.of("username", username, "displayName", "赵六", "password", "secret-123"))
                .post("/api/committees/" + committee + "/staff").then().statusCode(201)
                .body("username", is(username)).body("displayName", is("赵六")).extract().path("id");
        as("hrbureau").get("/api/committees/" + committee + "/staff").then().statusCode(200)
                .body("username", hasItems("office", username));
        assertEquals(1, TestData.audited(UUID.fromString(id), "STAFF_CREATE"));

        // the sign-in works and speaks for the committee, as the demo office's does
        Account account = QuarkusTransaction.requiringNew().call(() -> signIn.signIn(username, "secret-123").account());
        assertEquals(Role.COMMITTEE_OFFICE, account.role);
        assertEquals(committee, account.committeeId);
        String token = QuarkusTransaction.requiringNew().call(() -> signIn.signIn(username, "secret-123").token());
        given().auth().oauth2(token).get("/api/committees").then().statusCode(200).body("code",
                contains("WF-ENG-MID"));

        as("hrbureau").body(Map.of("username", username, "displayName", "又一个", "password", "secret-123"))
                .post("/api/committees/" + committee + "/staff").then().statusCode(409)
                .body("code", is("USERNAME_TAKEN"));
        as("hrbureau").body(Map.of("username", "office", "displayName", "x", "password", "secret-123"))
                .post("/api/committees/" + committee + "/staff").then().statusCode(409);
        as("hrbureau").body(Map.of("username", TestData.unique("s"), "displayName", "x", "password", "short"))
                .post("/api/committees/" + committee + "/staff").then().statusCode(400)
                .body("errors.field", contains("password"));
        as("hrbureau").body(Map.of("username", "有 空格", "displayName", "x", "password", "secret-123"))
                .post("/api/committees/" + committee + "/staff").then().statusCode(400)
                .body("errors.field", hasItem("username"));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Account.count("username", username)));
    }

    @Test
    void anUnknownCommitteeIsNotFound() {
        as("hrbureau").get("/api/committees/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", is("COMMITTEE_NOT_FOUND"));
        as("hrbureau").get("/api/committees/not-a-uuid").then().statusCode(404);
    }
}
