package cn.zhicheng.review;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** HR vetting, committee acceptance and decision, result notice and filing, on PostgreSQL. */
@QuarkusTest
class ReviewResourceTest {

    private static long version(UUID id) {
        return Fixtures.versionOf(id);
    }

    @Test
    void recommendedApplicationIsVettedAcceptedPassedPublishedAndFiled() {
        UUID id = Fixtures.applicationIn(ApplicationState.RECOMMENDED);
        as("hrbureau").get("/api/review/applications").then().statusCode(200)
                .body("id", hasItem(id.toString()))
                .body("find { it.id == '" + id + "' }.actions", contains("vet"))
                .body("find { it.id == '" + id + "' }.applicant.idNumber", is("3707**********1230"));
        as("hrbureau").body(Map.of("comment", "审核通过", "version", version(id)))
                .post("/api/review/applications/" + id + "/vet").then().statusCode(200).body("state", is("VETTED"));
        as("office").body(Map.of("version", version(id)))
                .post("/api/review/applications/" + id + "/accept").then().statusCode(200).body("state", is("ACCEPTED"));
        as("office").body(Map.of("outcome", "PASS", "note", "评审通过", "version", version(id)))
                .post("/api/review/applications/" + id + "/decision").then().statusCode(200)
                .body("state", is("PASSED")).body("decisionNote", is("评审通过"));
        as("hrbureau").body(Map.of("version", version(id)))
                .post("/api/review/applications/" + id + "/publish").then().statusCode(200)
                .body("state", is("RESULT_PUBLICITY"));
        as("hrbureau").body(Map.of("version", version(id)))
                .post("/api/review/applications/" + id + "/file").then().statusCode(200)
                .body("state", is("FILED")).body("actions", contains("issue"))
                .body("history.action", contains("CREATE", "SUBMIT", "UNIT_REVIEW", "RECOMMEND", "VET", "ACCEPT",
                        "START_REVIEW", "PASS", "PUBLISH_RESULT", "FILE"));
    }

    @Test
    void committeeRecordsAFailure() {
        UUID id = Fixtures.applicationIn(ApplicationState.ACCEPTED);
        as("office").body(Map.of("outcome", "FAIL", "version", version(id)))
                .post("/api/review/applications/" + id + "/decision").then().statusCode(200)
                .body("state", is("FAILED")).body("actions.size()", is(0));
        as("hrbureau").body(Map.of("version", version(id)))
                .post("/api/review/applications/" + id + "/publish").then().statusCode(409)
                .body("code", is("ILLEGAL_TRANSITION"));
    }

    @Test
    void R8_committeeCannotSeeOrAcceptWhatTheHrBureauHasNotVetted() {
        UUID id = Fixtures.applicationIn(ApplicationState.RECOMMENDED);
        as("office").get("/api/review/applications").then().statusCode(200).body("id", not(hasItem(id.toString())));
        as("office").body(Map.of("version", version(id)))
                .post("/api/review/applications/" + id + "/accept").then().statusCode(404)
                .body("code", is("APPLICATION_NOT_FOUND"));
        as("hrbureau").body(Map.of("version", version(id)))
                .post("/api/review/applications/" + id + "/vet").then().statusCode(200);
        as("office").body(Map.of("version", version(id)))
                .post("/api/review/applications/" + id + "/accept").then().statusCode(200);
    }

    @Test
    void R8_hrBureauSeesNothingBeforeTheUnitRecommends() {
        UUID id = Fixtures.applicationIn(ApplicationState.UNIT_PUBLICITY);
        as("hrbureau").body(Map.of("version", version(id)))
                .post("/api/review/applications/" + id + "/vet").then().statusCode(404);
    }

    @Test
    void wrongRoleIsForbiddenAndNoTokenIsUnauthenticated() {
        UUID id = Fixtures.applicationIn(ApplicationState.RECOMMENDED);
        as("office").body(Map.of("version", version(id)))
                .post("/api/review/applications/" + id + "/vet").then().statusCode(403).body("code", is("FORBIDDEN"));
        as("applicant").get("/api/review/applications").then().statusCode(403);
        given().get("/api/review/applications").then().statusCode(401).body("code", is("UNAUTHENTICATED"));
    }

    @Test
    void aDecisionNeedsAKnownOutcome() {
        UUID id = Fixtures.applicationIn(ApplicationState.ACCEPTED);
        as("office").body(Map.of("outcome", "MAYBE", "version", version(id)))
                .post("/api/review/applications/" + id + "/decision").then().statusCode(400)
                .body("code", is("MALFORMED_JSON")).body("errors.field", hasItem("outcome"));
        as("office").body(Map.of("version", version(id)))
                .post("/api/review/applications/" + id + "/decision").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
    }
}
