package cn.zhicheng.local.certificate;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import cn.zhicheng.core.testing.CertificateFixtures;
import cn.zhicheng.core.testing.CertificateFixtures.Filing;
import cn.zhicheng.core.testing.TestCommittees;
import cn.zhicheng.core.time.ClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * R27, R30 on the local server's embedded H2: a round's certificates are issued in one batch (the state machine's
 * bulk step, the chained audit batch and the multi-row certificate insert), and each one's status is public.
 */
@QuarkusTest
class BatchIssueOnH2Test {

    @Test
    void R27_aRoundIsIssuedInOneBatchOnTheEmbeddedDatabase() {
        TestCommittees.clock().reset();
        int year = TestCommittees.clock().instant().atZone(ClockProducer.CHINA).getYear();
        CertificateFixtures.FiledRound round = CertificateFixtures.filedRound(year,
                List.of(Filing.PLAIN, new Filing(false, false, null), new Filing(true, true, "配电工程")));

        List<String> numbers = as("hrbureau")
                .body(Map.of("roundId", round.roundId(), "publicationNumber", "潍人社字〔2026〕88号"))
                .post("/api/certificates/batches").then().statusCode(200)
                .body("issued", hasSize(2)).body("skipped", hasSize(1))
                .body("skipped[0].code", is("PHOTO_MISSING"))
                .extract().jsonPath().getList("issued.number");

        for (String number : numbers) {
            given().get("/api/public/certificates/{n}/status", number).then().statusCode(200)
                    .body("status", is("VALID")).body("kind", is("TITLE"));
        }
        as("hrbureau").body(Map.of("roundId", round.roundId(), "publicationNumber", "潍人社字〔2026〕88号"))
                .post("/api/certificates/batches").then().statusCode(200)
                .body("issued", hasSize(0)).body("skipped", hasSize(1));
    }
}
