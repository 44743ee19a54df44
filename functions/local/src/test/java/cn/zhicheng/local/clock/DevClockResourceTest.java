package cn.zhicheng.local.clock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The browser tests' server moves its settable clock, and the time it tells moves on from there. */
@QuarkusTest
class DevClockResourceTest {

    @AfterEach
    void systemTimeAgain() {
        given().contentType(ContentType.JSON).body(Map.of("now", java.time.Instant.now().toString()))
                .put("/api/dev/clock").then().statusCode(200);
    }

    @Test
    void settingTheClockMovesTheServersTime() {
        given().contentType(ContentType.JSON).body(Map.of("now", "2026-09-01T01:00:00Z")).put("/api/dev/clock")
                .then().statusCode(200).body("now", startsWith("2026-09-01T01:00"));
        given().get("/api/dev/clock").then().statusCode(200).body("now", startsWith("2026-09-01T01:0"));
    }

    @Test
    void aClockWithoutATimeIsAProblem() {
        given().contentType(ContentType.JSON).body("{}").put("/api/dev/clock").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
    }
}
