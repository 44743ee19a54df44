package cn.zhicheng.local.spotcheck;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.spotcheck.SampleDraw;
import cn.zhicheng.core.testing.TestCommittees;
import cn.zhicheng.core.testing.TestCommittees.AcceptedRound;
import cn.zhicheng.core.testing.TestCommittees.TestCommittee;
import cn.zhicheng.core.time.ClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * R18, R19 on the local server's embedded H2: the draw's queries, row locks and multi-row inserts are portable SQL,
 * so a commitment, a draw and the public verification work there as on PostgreSQL.
 */
@QuarkusTest
class SpotCheckDrawOnH2Test {

    @Test
    void R19_commitDrawAndVerifyOnTheEmbeddedDatabase() {
        TestCommittees.clock().reset();
        int year = TestCommittees.clock().instant().atZone(ClockProducer.CHINA).getYear();
        TestCommittee committee = TestCommittees.committee(Set.of(TitleLevel.INTERMEDIATE));
        AcceptedRound round = TestCommittees.acceptedInRound(committee, year, 3);
        TestCommittees.pool(committee.id(), year, "WFDYYY", "WFXY", "WFDLSJY");
        UUID seriesId = QuarkusTransaction.requiringNew().call(
                () -> Committee.<Committee>findById(committee.id()).seriesId);
        String hash = as(committee.office()).queryParam("roundId", round.id()).queryParam("seriesId", seriesId)
                .get("/api/spotchecks/population").then().statusCode(200).body("size", is(3))
                .extract().path("populationHash");
        String seed = "5a".repeat(32);
        String id = as(committee.office()).body(Map.of("roundId", round.id(), "seriesId", seriesId,
                        "seedCommitment", SampleDraw.commitment(seed), "populationHash", hash))
                .post("/api/spotchecks").then().statusCode(201).extract().path("id");
        as(committee.office()).body(Map.of("seed", seed, "version", 0)).post("/api/spotchecks/" + id + "/draw")
                .then().statusCode(200).body("state", is("DRAWN")).body("samples", hasSize(1))
                .body("samples[0].inspectors", hasSize(2));
        given().get("/api/public/spotchecks/" + id).then().statusCode(200).body("population", hasSize(3))
                .body("recusals", hasSize(1));
        given().get("/api/public/spotchecks/" + id + "/verification").then().statusCode(200)
                .body("matches", is(true));
    }
}
