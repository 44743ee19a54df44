package cn.zhicheng.spotcheck;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The minimum spot-check sample (R18) as the committee office asks for it. */
@QuarkusTest
class SampleSizeResourceTest {

    @Test
    void R18_atLeastFifteenPercentRoundedUp() {
        as("office").queryParam("population", 41).get("/api/spotchecks/sample-size")
                .then().statusCode(200).body("sampleSize", is(7)).body("ratio", is(0.15f));
        as("office").queryParam("population", 1).get("/api/spotchecks/sample-size")
                .then().statusCode(200).body("sampleSize", is(1));
        as("office").queryParam("population", 0).get("/api/spotchecks/sample-size")
                .then().statusCode(200).body("sampleSize", is(0));
        as("hrbureau").queryParam("population", 10).queryParam("ratio", "0.5").get("/api/spotchecks/sample-size")
                .then().statusCode(200).body("sampleSize", is(5));
    }

    @Test
    void R18_aRatioBelowFifteenPercentIsRefused() {
        as("office").queryParam("population", 100).queryParam("ratio", "0.1").get("/api/spotchecks/sample-size")
                .then().statusCode(422).body("rule", is("R18")).body("code", is("RATIO_TOO_LOW"));
    }

    @Test
    void badInputAndWrongRoles() {
        as("office").queryParam("population", -3).get("/api/spotchecks/sample-size")
                .then().statusCode(400).body("code", is("INVALID_POPULATION"));
        as("applicant").queryParam("population", 3).get("/api/spotchecks/sample-size").then().statusCode(403);
        given().queryParam("population", 3).get("/api/spotchecks/sample-size").then().statusCode(401);
    }
}
