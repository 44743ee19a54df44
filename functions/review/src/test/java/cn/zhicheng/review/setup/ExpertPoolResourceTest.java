package cn.zhicheng.review.setup;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.expert.ExpertPoolMember;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.LocalSignIn;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.review.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R9: experts, and each committee's pool per year with its renewal, on PostgreSQL. */
@QuarkusTest
class ExpertPoolResourceTest {

    @Inject
    LocalSignIn signIn;

    private static String expert(String name, String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("specialty", "物理教学");
        body.put("unitId", TestData.unitId("WFXY"));
        if (username != null) {
            body.put("username", username);
            body.put("password", "expert-pass");
        }
        return as("hrbureau").body(body).post("/api/experts").then().statusCode(201).extract().path("id");
    }

    private static List<UUID> pool(UUID committee, int year) {
        return QuarkusTransaction.requiringNew().call(() -> ExpertPoolMember.listPool(committee, year).stream()
                .map(m -> m.expertId).toList());
    }

    @Test
    void R9_expertsAreKeptWithTheirUnitAndAnOptionalSignIn() {
        String username = TestData.unique("teacher-expert");
        String withSignIn = expert("马老师", username);
        String without = expert("牛老师", null);
        as("hrbureau").get("/api/experts").then().statusCode(200)
                .body("find { it.id == '" + withSignIn + "' }.username", is(username))
                .body("find { it.id == '" + withSignIn + "' }.unit.name", is("潍坊学院"))
                .body("find { it.id == '" + without + "' }.username", nullValue())
                .body("name", hasItems("陈静", "马老师", "牛老师"));
        Account account = QuarkusTransaction.requiringNew()
                .call(() -> signIn.signIn(username, "expert-pass").account());
        assertEquals(Role.EXPERT, account.role);
        assertEquals(account.id, QuarkusTransaction.requiringNew()
                .call(() -> Expert.<Expert>findById(UUID.fromString(withSignIn)).accountId));
        assertEquals(1, TestData.audited(UUID.fromString(withSignIn), "EXPERT_CREATE"));
    }

    @Test
    void R9_anExpertNeedsAKnownUnitAndAFreeSignIn() {
        long before = QuarkusTransaction.requiringNew().call(() -> Expert.count());
        as("hrbureau").body(Map.of("name", "甲", "specialty", "x", "unitId", TestData.unitId("WFXY"),
                "username", "office", "password", "long-enough")).post("/api/experts").then().statusCode(409)
                .body("code", is("USERNAME_TAKEN"));
        as("hrbureau").body(Map.of("name", "乙", "specialty", "x", "unitId", TestData.unitId("WFXY"),
                "username", TestData.unique("e"))).post("/api/experts").then().statusCode(400)
                .body("errors.field", contains("password"));
        as("hrbureau").body(Map.of("name", "丙", "specialty", "x", "unitId", UUID.randomUUID()))
                .post("/api/experts").then().statusCode(400).body("errors.field", contains("unitId"));
        as("hrbureau").body(Map.of("specialty", "x")).post("/api/experts").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Expert.count()));
    }

    @Test
    void expertsAreTheHrBureausOnly() {
        as("office").get("/api/experts").then().statusCode(403);
        as("expert").get("/api/experts").then().statusCode(403);
        as("unit").body(Map.of("name", "x", "specialty", "x", "unitId", TestData.unitId("WFXY")))
                .post("/api/experts").then().statusCode(403);
        given().get("/api/experts").then().statusCode(401);
    }

    @Test
    void R9_poolIsPerYearAndCopiedForRenewal() {
        UUID committee = TestData.teacherCommittee(EnumSet.of(TitleLevel.INTERMEDIATE));
        String shortTerm = expert("一年期专家", null);
        String longTerm = expert("三年期专家", null);
        String base = "/api/committees/" + committee + "/pools/";
        as("hrbureau").body(Map.of("expertId", shortTerm, "termEndsOn", "2061-12-31"))
                .post(base + "2061/members").then().statusCode(200).body("year", is(2061))
                .body("members.expert.id", contains(shortTerm));
        as("hrbureau").body(Map.of("expertId", longTerm, "termEndsOn", "2063-12-31"))
                .post(base + "2061/members").then().statusCode(200).body("members.size()", is(2));
        as("hrbureau").get(base + "2061").then().statusCode(200).body("committeeId", is(committee.toString()))
                .body("members.expert.id", hasItems(shortTerm, longTerm))
                .body("members.find { it.expert.id == '" + longTerm + "' }.termEndsOn", is("2063-12-31"));
        // the next year's pool is its own: empty until renewed
        as("hrbureau").get(base + "2062").then().statusCode(200).body("members", empty());

        as("hrbureau").post(base + "2062/copy-from/2061").then().statusCode(200)
                .body("members.expert.id", contains(longTerm))
                .body("members[0].termEndsOn", is("2063-12-31"));
        assertEquals(List.of(UUID.fromString(longTerm)), pool(committee, 2062));
        assertEquals(2, pool(committee, 2061).size());
        assertEquals(1, TestData.audited(committee, "POOL_COPY"));
        // copying again adds nobody twice
        as("hrbureau").post(base + "2062/copy-from/2061").then().statusCode(200).body("members.size()", is(1));

        as("hrbureau").post(base + "2062/copy-from/2060").then().statusCode(422).body("rule", is("R9"))
                .body("code", is("SOURCE_POOL_EMPTY"));
        as("hrbureau").post(base + "2062/copy-from/2062").then().statusCode(400);
        assertEquals(1, pool(committee, 2062).size());
    }

    @Test
    void R9_aPoolMemberServesIntoTheYearOnceAndCanBeRemoved() {
        UUID committee = TestData.teacherCommittee(EnumSet.of(TitleLevel.ASSISTANT));
        String expert = expert("孙老师", null);
        String base = "/api/committees/" + committee + "/pools/2064/members";
        as("hrbureau").body(Map.of("expertId", expert, "termEndsOn", "2063-12-31")).post(base).then()
                .statusCode(422).body("rule", is("R9")).body("code", is("TERM_ENDS_BEFORE_YEAR"));
        as("hrbureau").body(Map.of("expertId", UUID.randomUUID(), "termEndsOn", "2064-12-31")).post(base).then()
                .statusCode(422).body("code", is("EXPERT_NOT_FOUND"));
        as("hrbureau").body(Map.of("expertId", expert)).post(base).then().statusCode(400)
                .body("errors.field", contains("termEndsOn"));
        assertEquals(List.of(), pool(committee, 2064));
        as("hrbureau").body(Map.of("expertId", expert, "termEndsOn", "2064-01-01")).post(base).then()
                .statusCode(200);
        as("hrbureau").body(Map.of("expertId", expert, "termEndsOn", "2065-12-31")).post(base).then()
                .statusCode(409).body("code", is("ALREADY_IN_POOL"));
        assertEquals(LocalDate.parse("2064-01-01"), QuarkusTransaction.requiringNew().call(() ->
                ExpertPoolMember.listPool(committee, 2064).get(0).termEndsOn));
        assertEquals(1, TestData.audited(committee, "POOL_ADD"));

        as("hrbureau").delete(base + "/" + expert).then().statusCode(204);
        as("hrbureau").delete(base + "/" + expert).then().statusCode(404).body("code", is("POOL_MEMBER_NOT_FOUND"));
        assertEquals(List.of(), pool(committee, 2064));
        assertEquals(1, TestData.audited(committee, "POOL_REMOVE"));
    }

    @Test
    void R9_poolsAreTheHrBureausToBuildAndTheOfficesToRead() {
        UUID own = TestData.committeeId("WF-ENG-MID");
        int year = LocalDate.now().getYear();
        String expert = expert("周老师", null);
        as("office").get("/api/committees/" + own + "/pools/" + year).then().statusCode(200)
                .body("members.expert.name", hasItem("陈静"));
        as("office").body(Map.of("expertId", expert, "termEndsOn", year + "-12-31"))
                .post("/api/committees/" + own + "/pools/" + year + "/members").then().statusCode(403);
        as("office").post("/api/committees/" + own + "/pools/2070/copy-from/" + year).then().statusCode(403);
        as("office2").get("/api/committees/" + own + "/pools/" + year).then().statusCode(404);
        TestData.otherBureauCommittee();
        as(TestData.OTHER_HR).get("/api/committees/" + own + "/pools/" + year).then().statusCode(404)
                .body("code", is("COMMITTEE_NOT_FOUND"));
        as(TestData.OTHER_HR).body(Map.of("expertId", expert, "termEndsOn", year + "-12-31"))
                .post("/api/committees/" + own + "/pools/" + year + "/members").then().statusCode(404);
        as(TestData.OTHER_HR).delete("/api/committees/" + own + "/pools/" + year + "/members/" + expert)
                .then().statusCode(404);
        as(TestData.OTHER_HR).post("/api/committees/" + own + "/pools/2070/copy-from/" + year).then()
                .statusCode(404);
        as("expert").get("/api/committees/" + own + "/pools/" + year).then().statusCode(403);
        given().get("/api/committees/" + own + "/pools/" + year).then().statusCode(401);
        as("hrbureau").get("/api/committees/" + own + "/pools/1999").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
    }
}
