package cn.zhicheng.spotcheck.draw;

import static cn.zhicheng.core.testing.DemoUsers.as;

import cn.zhicheng.core.expert.ExpertConflict;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.spotcheck.SampleDraw;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.testing.TestCommittees;
import cn.zhicheng.core.testing.TestCommittees.AcceptedRound;
import cn.zhicheng.core.testing.TestCommittees.TestCommittee;
import cn.zhicheng.core.time.ClockProducer;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A committee with a round of accepted applications and a pool, and the draw's steps through the API. */
final class DrawTestSupport {

    /** Every table a commitment or a draw writes, for "a refusal writes nothing". */
    static final List<String> TABLES = List.of("spot_check_draw", "spot_check_population", "spot_check_sample",
            "spot_check_candidate", "spot_check_recusal", "spot_check_inspector", "audit_event");
    /** Units other than the demo applicant's (WFDLSJY), so their experts are never recused by unit. */
    static final String[] OTHER_UNITS = {"WFDYYY", "WFXY", "WFJZSJY", "WFSLY"};
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A committee, its round of the clock's year with {@code applications} accepted ones, and its pool. */
    record Setting(TestCommittee committee, AcceptedRound round, UUID seriesId, List<UUID> pool, int year) {
        String office() {
            return committee.office();
        }
    }

    private DrawTestSupport() {
    }

    static Setting setting(int applications, String... poolUnits) {
        int year = TestCommittees.clock().instant().atZone(ClockProducer.CHINA).getYear();
        TestCommittee committee = TestCommittees.committee(Set.of(TitleLevel.INTERMEDIATE));
        AcceptedRound round = TestCommittees.acceptedInRound(committee, year, applications);
        List<UUID> pool = TestCommittees.pool(committee.id(), year, poolUnits);
        UUID seriesId = QuarkusTransaction.requiringNew().call(
                () -> Committee.<Committee>findById(committee.id()).seriesId);
        return new Setting(committee, round, seriesId, pool, year);
    }

    static String seed() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String populationHash(Setting s) {
        return as(s.office()).queryParam("roundId", s.round().id()).queryParam("seriesId", s.seriesId())
                .get("/api/spotchecks/population").then().statusCode(200).extract().path("populationHash");
    }

    static Map<String, Object> commitment(Setting s, String seed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roundId", s.round().id());
        body.put("seriesId", s.seriesId());
        body.put("ratio", "0.3");
        body.put("seedCommitment", SampleDraw.commitment(seed));
        body.put("populationHash", populationHash(s));
        return body;
    }

    static ValidatableResponse commit(String office, Map<String, Object> body) {
        return as(office).body(body).post("/api/spotchecks").then();
    }

    static UUID committed(Setting s, String seed) {
        return UUID.fromString(commit(s.office(), commitment(s, seed)).statusCode(201).extract().path("id"));
    }

    static ValidatableResponse draw(String office, UUID id, String seed) {
        return as(office).body(Map.of("seed", seed, "version", version(id))).post("/api/spotchecks/" + id + "/draw")
                .then();
    }

    static long version(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> SpotCheck.<SpotCheck>findById(id).version);
    }

    static void conflict(UUID expertId, UUID personId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            ExpertConflict conflict = new ExpertConflict();
            conflict.id = UUID.randomUUID();
            conflict.expertId = expertId;
            conflict.personId = personId;
            conflict.reason = reason;
            conflict.declaredAt = Instant.now();
            conflict.persist();
        });
    }

    static long rows(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }

    static long audits(String action, UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from audit_event where action = ?1 and subject_id = ?2")
                .setParameter(1, action).setParameter(2, subject).getSingleResult()).longValue());
    }

    static Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, rows(t)));
        return counts;
    }
}
