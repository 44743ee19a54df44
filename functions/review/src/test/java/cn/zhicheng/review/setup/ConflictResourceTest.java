package cn.zhicheng.review.setup;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.core.expert.ExpertConflict;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.review.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R10: an expert's declared conflicts of interest, on PostgreSQL. */
@QuarkusTest
class ConflictResourceTest {

    /** The demo applicant 张伟. */
    private static final String APPLICANT_ID_NUMBER = "370702199003151230";

    private static long conflicts() {
        return QuarkusTransaction.requiringNew().call(() -> ExpertConflict.count());
    }

    @Test
    void R10_expertDeclaresAConflict() {
        UUID unit = TestData.unitId("WFJZSJY");
        String withUnit = as("expert").body(Map.of("unitId", unit, "reason", "曾在该院任职"))
                .post("/api/expert/conflicts").then().statusCode(201)
                .body("unit.id", is(unit.toString())).body("unit.name", is("潍坊市建筑设计研究院"))
                .body("personName", nullValue()).body("reason", is("曾在该院任职"))
                .body("declaredAt", not(nullValue())).extract().path("id");
        String withPerson = as("expert").body(Map.of("personIdNumber", APPLICANT_ID_NUMBER, "reason", "亲属关系"))
                .post("/api/expert/conflicts").then().statusCode(201)
                .body("personName", is("张伟")).body("unit", nullValue())
                // the view names the person, never their ID number
                .body("personIdNumber", nullValue()).extract().path("id");
        as("expert").get("/api/expert/conflicts").then().statusCode(200).body("id", hasItems(withUnit, withPerson));
        as("expert2").get("/api/expert/conflicts").then().statusCode(200)
                .body("id", not(hasItems(withUnit)));
        ExpertConflict stored = QuarkusTransaction.requiringNew()
                .call(() -> ExpertConflict.findById(UUID.fromString(withPerson)));
        assertEquals("张伟", QuarkusTransaction.requiringNew().call(() ->
                cn.zhicheng.core.person.Person.<cn.zhicheng.core.person.Person>findById(stored.personId).name));
        assertEquals(1, TestData.audited(UUID.fromString(withUnit), "CONFLICT_DECLARE"));
    }

    @Test
    void R10_aConflictNamesAUnitOrAKnownPerson() {
        long before = conflicts();
        as("expert").body(Map.of("reason", "没有对象")).post("/api/expert/conflicts").then().statusCode(422)
                .body("rule", is("R10")).body("code", is("CONFLICT_TARGET_REQUIRED"));
        as("expert").body(Map.of("personIdNumber", "370702199003151231", "reason", "x"))
                .post("/api/expert/conflicts").then().statusCode(400).body("code", is("INVALID_ID_NUMBER"));
        String unknown = "37070219800101123" + IdNumber.checkCharFor("37070219800101123");
        as("expert").body(Map.of("personIdNumber", unknown, "reason", "x"))
                .post("/api/expert/conflicts").then().statusCode(422).body("rule", is("R10"))
                .body("code", is("PERSON_NOT_FOUND"));
        as("expert").body(Map.of("unitId", UUID.randomUUID(), "reason", "x"))
                .post("/api/expert/conflicts").then().statusCode(400).body("code", is("VALIDATION_FAILED"));
        as("expert").body(Map.of("unitId", TestData.unitId("WFXY"))).post("/api/expert/conflicts").then()
                .statusCode(400).body("code", is("VALIDATION_FAILED"));
        assertEquals(before, conflicts());
    }

    @Test
    void onlyExpertsDeclareAndOnlyForThemselves() {
        as("hrbureau").get("/api/expert/conflicts").then().statusCode(403);
        as("office").body(Map.of("unitId", TestData.unitId("WFXY"), "reason", "x")).post("/api/expert/conflicts")
                .then().statusCode(403);
        given().get("/api/expert/conflicts").then().statusCode(401);
        // an EXPERT sign-in with no expert record behind it has nothing to declare for
        String orphan = TestData.signIn(Role.EXPERT, TestData.unitId("WFXY"), null);
        as(orphan).get("/api/expert/conflicts").then().statusCode(403).body("code", is("NOT_AN_EXPERT"));
        as(orphan).body(Map.of("unitId", TestData.unitId("WFXY"), "reason", "x")).post("/api/expert/conflicts")
                .then().statusCode(403).body("code", is("NOT_AN_EXPERT"));
    }
}
