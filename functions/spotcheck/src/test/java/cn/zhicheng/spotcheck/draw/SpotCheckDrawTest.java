package cn.zhicheng.spotcheck.draw;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static cn.zhicheng.spotcheck.draw.DrawTestSupport.OTHER_UNITS;
import static cn.zhicheng.spotcheck.draw.DrawTestSupport.audits;
import static cn.zhicheng.spotcheck.draw.DrawTestSupport.commit;
import static cn.zhicheng.spotcheck.draw.DrawTestSupport.commitment;
import static cn.zhicheng.spotcheck.draw.DrawTestSupport.committed;
import static cn.zhicheng.spotcheck.draw.DrawTestSupport.draw;
import static cn.zhicheng.spotcheck.draw.DrawTestSupport.seed;
import static cn.zhicheng.spotcheck.draw.DrawTestSupport.setting;
import static cn.zhicheng.spotcheck.draw.DrawTestSupport.snapshot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.spotcheck.Inspector;
import cn.zhicheng.core.spotcheck.InspectorRecusal;
import cn.zhicheng.core.spotcheck.SampleDraw;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.TestCommittees;
import cn.zhicheng.spotcheck.draw.DrawTestSupport.Setting;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R18, R19: commit, draw and public verification of a spot-check draw through the API. */
@QuarkusTest
class SpotCheckDrawTest {

    @BeforeEach
    void realTime() {
        TestCommittees.clock().reset();
    }

    @Test
    void R19_commitDrawAndPublicVerificationMatch() {
        Setting s = setting(7, OTHER_UNITS);
        String seed = seed();
        Map<String, Object> body = commitment(s, seed);
        JsonPath committedView = commit(s.office(), body).statusCode(201)
                .body("state", is("COMMITTED")).body("populationSize", is(7)).body("seed", nullValue())
                .body("samples", empty()).body("inspectorsPerApplication", is(2))
                .extract().jsonPath();
        UUID id = UUID.fromString(committedView.getString("id"));
        String salt = committedView.getString("serverSalt");
        assertTrue(SampleDraw.isHex64(salt), "R19: the server's salt is 32 random bytes as hex");

        JsonPath drawn = draw(s.office(), id, seed).statusCode(200)
                .body("state", is("DRAWN")).body("seed", is(seed)).body("sampleSize", is(3))
                .body("samples", hasSize(3)).body("samples[0].inspectors", hasSize(2))
                .body("samples[0].applicantName", is(applicantName()))
                .extract().jsonPath();
        // R19: anyone recomputes the same sample from the seed, the salt and the population
        String drawSeed = SampleDraw.drawSeed(seed, salt);
        List<UUID> expected = SampleDraw.sample(drawSeed, s.round().applications(), 3);
        assertEquals(expected.stream().map(UUID::toString).toList(), drawn.getList("samples.applicationId"));
        UUID first = expected.get(0);
        assertEquals(SampleDraw.inspectors(drawSeed, first, s.pool(), 2).stream().map(UUID::toString).toList(),
                drawn.getList("samples[0].inspectors.expertId"));
        assertEquals(1, audits("SPOT_CHECK_COMMIT", id));
        assertEquals(1, audits("SPOT_CHECK_DRAW", id));

        String record = given().get("/api/public/spotchecks/" + id).then().statusCode(200)
                .body("population", hasSize(7)).body("seed", is(seed)).body("serverSalt", is(salt))
                .body("sample[0].applicationId", is(first.toString())).body("sample[0].drawRank", is(1))
                .body("sample[0].inspectors", hasSize(2)).body("candidates", hasSize(4))
                .extract().asString();
        // ids only: no name and no ID number of the applicant, no expert's name
        assertFalse(record.contains(applicantName()), record);
        assertFalse(record.contains(applicantIdNumber()), record);
        assertFalse(record.contains("专家"), record);
        given().get("/api/public/spotchecks").then().statusCode(200).body("id", hasItem(id.toString()));
        given().get("/api/public/spotchecks/" + id + "/verification").then().statusCode(200)
                .body("matches", is(true)).body("commitmentMatches", is(true)).body("populationMatches", is(true))
                .body("sampleMatches", is(true)).body("inspectorsMatches", is(true))
                .body("recomputedSample", is(expected.stream().map(UUID::toString).toList()));
        as("hrbureau").get("/api/spotchecks/" + id).then().statusCode(200).body("samples", hasSize(3));
        as(s.office()).queryParam("roundId", s.round().id()).get("/api/spotchecks").then().statusCode(200)
                .body("id", is(List.of(id.toString())));
        as(s.office()).queryParam("roundId", s.round().id()).get("/api/spotchecks/series").then().statusCode(200)
                .body("[0].seriesId", is(s.seriesId().toString())).body("[0].population", is(7));
    }

    @Test
    void R18_thePopulationViewGivesTheCanonicalHashAndTheMinimumSample() {
        Setting s = setting(3, OTHER_UNITS);
        as(s.office()).queryParam("roundId", s.round().id()).queryParam("seriesId", s.seriesId())
                .get("/api/spotchecks/population").then().statusCode(200)
                .body("size", is(3)).body("minimumSampleSize", is(1))
                .body("populationHash", is(SampleDraw.populationHash(s.round().applications())))
                .body("applicationIds", is(s.round().applications().stream().map(UUID::toString).sorted().toList()));
    }

    @Test
    void R19_aSeedThatIsNotTheCommittedOneIsRefusedAndWritesNothing() {
        Setting s = setting(3, OTHER_UNITS);
        UUID id = committed(s, seed());
        Map<String, Long> before = snapshot();
        draw(s.office(), id, seed()).statusCode(422).body("code", is("SEED_MISMATCH")).body("rule", is("R19"));
        draw(s.office(), id, "not-hex").statusCode(400).body("code", is("INVALID_SEED"));
        as(s.office()).body(Map.of("seed", seed(), "version", DrawTestSupport.version(id) + 1))
                .post("/api/spotchecks/" + id + "/draw").then().statusCode(409).body("code", is("STALE_VERSION"));
        assertEquals(before, snapshot());
    }

    @Test
    void R19_aPopulationChangedBetweenCommitAndDrawIsRefused() {
        Setting s = setting(3, OTHER_UNITS);
        String seed = seed();
        Map<String, Object> body = commitment(s, seed);
        UUID id = UUID.fromString(commit(s.office(), body).statusCode(201).extract().path("id"));
        // another application of the series is accepted into the round in between
        TestCommittees.acceptedInRound(s.committee(), s.year(), 1);
        Map<String, Long> before = snapshot();
        draw(s.office(), id, seed).statusCode(409).body("code", is("POPULATION_CHANGED")).body("rule", is("R19"));
        assertEquals(before, snapshot());
        // a commitment to a population that is no longer the current one is refused as well
        commit(s.office(), body).statusCode(409).body("code", is("OPEN_DRAW_EXISTS"));
    }

    @Test
    void R19_aCommitmentToAStalePopulationIsRefused() {
        Setting s = setting(2, OTHER_UNITS);
        Map<String, Object> body = commitment(s, seed());
        TestCommittees.acceptedInRound(s.committee(), s.year(), 1);
        Map<String, Long> before = snapshot();
        commit(s.office(), body).statusCode(409).body("code", is("POPULATION_CHANGED"))
                .body("populationSize", is(3));
        assertEquals(before, snapshot());
    }

    @Test
    void R18_anEmptyPopulationIsRefused() {
        Setting s = setting(0, OTHER_UNITS);
        as(s.office()).queryParam("roundId", s.round().id()).queryParam("seriesId", s.seriesId())
                .get("/api/spotchecks/population").then().statusCode(200).body("size", is(0))
                .body("minimumSampleSize", is(0));
        Map<String, Long> before = snapshot();
        commit(s.office(), commitment(s, seed())).statusCode(422).body("code", is("EMPTY_POPULATION"))
                .body("rule", is("R18"));
        assertEquals(before, snapshot());
    }

    @Test
    void R18_R19_badCommitmentsAreRefused() {
        Setting s = setting(2, OTHER_UNITS);
        Map<String, Object> body = commitment(s, seed());
        body.put("ratio", "0.1");
        commit(s.office(), body).statusCode(422).body("code", is("RATIO_TOO_LOW")).body("rule", is("R18"));
        body.put("ratio", "0.15");
        body.put("seedCommitment", "ABC");
        commit(s.office(), body).statusCode(400).body("code", is("INVALID_COMMITMENT")).body("rule", is("R19"));
        body.put("seedCommitment", SampleDraw.commitment(seed()));
        body.put("inspectorsPerApplication", 6);
        commit(s.office(), body).statusCode(400).body("code", is("VALIDATION_FAILED"));
    }

    @Test
    void R19_aDrawnDrawIsNeverRedrawnAndASecondOpenCommitmentIsRefused() {
        Setting s = setting(3, OTHER_UNITS);
        String seed = seed();
        UUID id = committed(s, seed);
        commit(s.office(), commitment(s, seed())).statusCode(409).body("code", is("OPEN_DRAW_EXISTS"))
                .body("drawId", is(id.toString()));
        draw(s.office(), id, seed).statusCode(200);
        Map<String, Long> before = snapshot();
        draw(s.office(), id, seed).statusCode(409).body("code", is("ALREADY_DRAWN")).body("rule", is("R19"));
        commit(s.office(), commitment(s, seed())).statusCode(409).body("code", is("ALREADY_DRAWN"));
        assertEquals(before, snapshot());
    }

    @Test
    void R19_aDrawnCorrectionSupersedesTheDrawItCorrects() {
        Setting s = setting(4, OTHER_UNITS);
        String seed = seed();
        UUID first = committed(s, seed);
        draw(s.office(), first, seed).statusCode(200);
        Map<String, Object> body = commitment(s, seed());
        body.put("correctsDrawId", first);
        commit(s.office(), body).statusCode(400).body("code", is("CORRECTION_REASON_REQUIRED"));
        body.put("correctsDrawId", UUID.randomUUID());
        body.put("correctionReason", "抽取时漏选专业");
        commit(s.office(), body).statusCode(409).body("code", is("NOT_CORRECTABLE"));
        String correctionSeed = seed();
        body.put("seedCommitment", SampleDraw.commitment(correctionSeed));
        body.put("correctsDrawId", first);
        UUID correction = UUID.fromString(commit(s.office(), body).statusCode(201)
                .body("correctsDrawId", is(first.toString())).body("correctionReason", is("抽取时漏选专业"))
                .extract().path("id"));
        as(s.office()).get("/api/spotchecks/" + first).then().body("state", is("DRAWN"))
                .body("supersededById", nullValue());
        draw(s.office(), correction, correctionSeed).statusCode(200).body("state", is("DRAWN"));
        as(s.office()).get("/api/spotchecks/" + first).then().statusCode(200).body("state", is("SUPERSEDED"))
                .body("supersededById", is(correction.toString()));
        given().get("/api/public/spotchecks/" + first).then().statusCode(200).body("state", is("SUPERSEDED"))
                .body("supersededById", is(correction.toString()));
        given().get("/api/public/spotchecks/" + first + "/verification").then().body("matches", is(true));
        assertEquals(1, audits("SPOT_CHECK_SUPERSEDE", first));
    }

    @Test
    void R19_R10_recusedInspectorsAreNeverDrawnForThatApplication() {
        // one expert of the applicants' own unit, one who declared a conflict with the applicant, three others
        Setting s = setting(7, "WFDLSJY", "WFDYYY", "WFXY", "WFJZSJY", "WFSLY");
        UUID sameUnit = s.pool().get(0);
        UUID declared = s.pool().get(1);
        DrawTestSupport.conflict(declared, DemoUsers.actor("applicant").personId(), "近亲属");
        String seed = seed();
        UUID id = committed(s, seed);
        draw(s.office(), id, seed).statusCode(200);
        List<Inspector> inspectors = QuarkusTransaction.requiringNew().call(() -> Inspector.listByDraw(id));
        List<InspectorRecusal> recusals = QuarkusTransaction.requiringNew().call(
                () -> InspectorRecusal.listByDraw(id));
        assertEquals(3 * 2, inspectors.size());
        assertTrue(inspectors.stream().noneMatch(i -> i.expertId.equals(sameUnit) || i.expertId.equals(declared)));
        assertEquals(3 * 2, recusals.size(), "both recused from each of the 3 sampled applications");
        assertTrue(recusals.stream().filter(r -> r.expertId.equals(sameUnit))
                .allMatch(r -> r.reason.startsWith("同单位回避：")));
        assertTrue(recusals.stream().filter(r -> r.expertId.equals(declared))
                .allMatch(r -> r.reason.equals("申报回避：近亲属")));
        given().get("/api/public/spotchecks/" + id).then().statusCode(200).body("recusals", hasSize(6))
                .body("candidates", hasSize(5));
        given().get("/api/public/spotchecks/" + id + "/verification").then().body("inspectorsMatches", is(true));
    }

    @Test
    void R19_tooFewEligibleInspectorsIsRefusedAndWritesNothing() {
        Setting s = setting(2, "WFDLSJY", "WFDYYY");
        String seed = seed();
        UUID id = committed(s, seed);
        Map<String, Long> before = snapshot();
        draw(s.office(), id, seed).statusCode(422).body("code", is("NOT_ENOUGH_INSPECTORS")).body("rule", is("R19"))
                .body("eligible", is(1)).body("needed", is(2));
        assertEquals(before, snapshot());
        QuarkusTransaction.requiringNew().run(() -> assertEquals("COMMITTED",
                SpotCheck.<SpotCheck>findById(id).state.name()));
    }

    @Test
    void anotherCommitteesOfficeGets404AndOtherRolesAreRefused() {
        Setting s = setting(2, OTHER_UNITS);
        String seed = seed();
        UUID id = committed(s, seed);
        Setting other = setting(0, OTHER_UNITS);
        as(other.office()).get("/api/spotchecks/" + id).then().statusCode(404).body("code", is("SPOT_CHECK_NOT_FOUND"));
        draw(other.office(), id, seed).statusCode(404);
        as(other.office()).queryParam("roundId", s.round().id()).queryParam("seriesId", s.seriesId())
                .get("/api/spotchecks/population").then().statusCode(404).body("code", is("ROUND_NOT_FOUND"));
        commit(other.office(), commitment(s, seed())).statusCode(404);
        as(other.office()).get("/api/spotchecks").then().statusCode(200).body("id", empty());
        as("applicant").get("/api/spotchecks/" + id).then().statusCode(403);
        as("applicant").body(Map.of("seed", seed)).post("/api/spotchecks/" + id + "/draw").then().statusCode(403);
        as("hrbureau").body(Map.of("seed", seed)).post("/api/spotchecks/" + id + "/draw").then().statusCode(403);
        given().get("/api/spotchecks/" + id).then().statusCode(401);
        given().contentType("application/json").body(Map.of("seed", seed)).post("/api/spotchecks/" + id + "/draw")
                .then().statusCode(401);
        given().get("/api/public/spotchecks/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/public/spotchecks/" + id + "/verification").then().statusCode(409)
                .body("code", is("NOT_DRAWN"));
    }

    @Test
    void R19_aRepeatedCommitmentWithOneIdempotencyKeyCommitsOnce() {
        Setting s = setting(2, OTHER_UNITS);
        Map<String, Object> body = commitment(s, seed());
        String key = UUID.randomUUID().toString();
        String first = as(s.office()).header("Idempotency-Key", key).body(body).post("/api/spotchecks")
                .then().statusCode(201).extract().path("id");
        String again = as(s.office()).header("Idempotency-Key", key).body(body).post("/api/spotchecks")
                .then().statusCode(201).extract().path("id");
        assertEquals(first, again);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(
                () -> SpotCheck.count("roundId", s.round().id())));
    }

    @Test
    void R18_theRatioIsKeptExactly() {
        Setting s = setting(7, OTHER_UNITS);
        Map<String, Object> body = commitment(s, seed());
        body.put("ratio", "0.2857");
        String id = commit(s.office(), body).statusCode(201).extract().path("id");
        BigDecimal ratio = QuarkusTransaction.requiringNew().call(
                () -> SpotCheck.<SpotCheck>findById(UUID.fromString(id)).ratio);
        assertEquals(new BigDecimal("0.2857"), ratio);
    }

    private static String applicantName() {
        return QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(
                DemoUsers.actor("applicant").personId()).name);
    }

    private static String applicantIdNumber() {
        return QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(
                DemoUsers.actor("applicant").personId()).idNumber);
    }
}
