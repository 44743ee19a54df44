package cn.zhicheng.review.meeting;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static cn.zhicheng.review.meeting.MeetingTestSupport.accepted;
import static cn.zhicheng.review.meeting.MeetingTestSupport.approved;
import static cn.zhicheng.review.meeting.MeetingTestSupport.draw;
import static cn.zhicheng.review.meeting.MeetingTestSupport.drawn;
import static cn.zhicheng.review.meeting.MeetingTestSupport.drawnExperts;
import static cn.zhicheng.review.meeting.MeetingTestSupport.expertId;
import static cn.zhicheng.review.meeting.MeetingTestSupport.snapshot;
import static cn.zhicheng.review.meeting.MeetingTestSupport.today;
import static cn.zhicheng.review.meeting.MeetingTestSupport.username;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.expert.ExpertConflict;
import cn.zhicheng.core.expert.ExpertPoolMember;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.meeting.DrawCandidate;
import cn.zhicheng.core.meeting.ExpertDraw;
import cn.zhicheng.core.meeting.Meeting;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.time.SettableClock;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R9, R10: the draw from the year's pool, recusals, and re-running a draw from its record, on PostgreSQL. */
@QuarkusTest
class MeetingDrawTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final LocalDate MEETING_DAY = LocalDate.of(2026, 9, 15);

    @Inject
    Clock port;

    SettableClock clock;

    /** Conflicts a test declared, removed after it so other draws are not affected. */
    private final List<UUID> conflicts = new ArrayList<>();

    @BeforeEach
    void settable() {
        clock = SettableClock.of(port);
        clock.reset();
        MeetingTestSupport.signInAll();
        today(clock, TODAY);
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        QuarkusTransaction.requiringNew().run(() -> conflicts.forEach(id -> ExpertConflict.deleteById(id)));
        conflicts.clear();
    }

    private void declare(String expert, UUID personId, String unitCode, String reason) {
        UUID expertId = expertId(expert);
        conflicts.add(QuarkusTransaction.requiringNew().call(() -> {
            ExpertConflict conflict = new ExpertConflict();
            conflict.id = UUID.randomUUID();
            conflict.expertId = expertId;
            conflict.personId = personId;
            conflict.unitId = unitCode == null ? null : Unit.findByCode(unitCode).orElseThrow().id;
            conflict.reason = reason;
            conflict.declaredAt = Instant.now();
            conflict.persist();
            return conflict.id;
        }));
    }

    private static UUID applicantPerson() {
        return QuarkusTransaction.requiringNew().call(() -> Account.findByUsername("applicant").orElseThrow().personId);
    }

    /** A new expert in the engineering committee's pool of one year, with the term given. */
    private static UUID poolMember(String name, int year, LocalDate termEndsOn) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Expert expert = new Expert();
            expert.id = UUID.randomUUID();
            expert.name = name;
            expert.specialty = "电气工程";
            expert.unitId = Unit.findByCode("WFSLY").orElseThrow().id;
            expert.createdAt = Instant.now();
            expert.persist();
            ExpertPoolMember member = new ExpertPoolMember();
            member.committeeId = Committee.<Committee>find("code", "WF-ENG-MID").firstResult().id;
            member.poolYear = year;
            member.expertId = expert.id;
            member.termEndsOn = termEndsOn;
            member.addedAt = Instant.now();
            member.persist();
            return expert.id;
        });
    }

    private static JsonPath meeting(UUID id) {
        return as("office").get("/api/meetings/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void R9_onlyThisYearsPoolIsDrawn() {
        UUID nextYearsOnly = poolMember("明年专家", 2027, LocalDate.of(2027, 12, 31));
        UUID termOver = poolMember("任期已满专家", 2026, LocalDate.of(2026, 1, 1));
        UUID id = drawn(MEETING_DAY, accepted());
        Set<String> expected = QuarkusTransaction.requiringNew().call(() -> {
            Set<String> ids = new HashSet<>();
            UUID committee = Meeting.<Meeting>findById(id).committeeId;
            ExpertPoolMember.listPool(committee, 2026).stream().filter(m -> !m.termEndsOn.isBefore(MEETING_DAY))
                    .forEach(m -> ids.add(m.expertId.toString()));
            return ids;
        });
        List<String> candidates = meeting(id).getList("draw.candidates.expertId");
        assertEquals(expected, new HashSet<>(candidates));
        assertFalse(candidates.contains(nextYearsOnly.toString()));
        assertFalse(candidates.contains(termOver.toString()));
        for (UUID drawn : drawnExperts(id)) {
            assertTrue(expected.contains(drawn.toString()));
        }
    }

    @Test
    void R9_noPoolForTheYearRefusesTheDraw() {
        // no committee has a pool for 2028 yet
        UUID id = approved(LocalDate.of(2028, 3, 15), accepted());
        Map<String, Long> before = snapshot();
        draw(id).statusCode(422).body("rule", is("R9")).body("code", is("POOL_NOT_UPDATED"))
                .body("poolYear", is(2028));
        assertEquals(before, snapshot());
        as("office").get("/api/meetings/" + id).then().body("state", is("APPROVED")).body("draw", nullValue());
    }

    @Test
    void R10_sameUnitExpertIsRecused() {
        // 冯丽 (expert5) works at 潍坊市电力设计研究院, the demo applicant's unit
        UUID feng = expertId("expert5");
        UUID id = drawn(MEETING_DAY, accepted());
        JsonPath view = meeting(id);
        assertEquals("同单位回避：潍坊市电力设计研究院",
                view.getString("draw.candidates.find { it.expertId == '" + feng + "' }.recusedReason"));
        assertFalse(drawnExperts(id).contains(feng));
        assertEquals(5, drawnExperts(id).size());
        assertEquals(List.of(1, 2, 3, 4, 5), view.getList("experts.drawRank"));
        assertEquals(1, view.getList("draw.candidates.findAll { it.recusedReason != null }").size());
    }

    @Test
    void R10_declaredConflictIsRecused() {
        UUID zhou = expertId("expert2");
        declare("expert2", applicantPerson(), null, "申请人系本人研究生同门");
        UUID id = drawn(MEETING_DAY, accepted());
        JsonPath view = meeting(id);
        assertEquals("申报回避：申请人系本人研究生同门",
                view.getString("draw.candidates.find { it.expertId == '" + zhou + "' }.recusedReason"));
        assertFalse(drawnExperts(id).contains(zhou));
        assertFalse(drawnExperts(id).contains(expertId("expert5")));
        // 7 in the pool, 2 recused: exactly the 5 needed, so every eligible expert sits
        assertEquals(5, drawnExperts(id).size());
    }

    @Test
    void R10_aConflictWithTheApplicantsUnitIsRecusedAndTooFewLeftRefusesTheDraw() {
        declare("expert2", applicantPerson(), null, "亲属关系");
        declare("expert3", null, "WFDLSJY", "曾在该单位兼职");
        UUID id = approved(MEETING_DAY, accepted());
        Map<String, Long> before = snapshot();
        draw(id).statusCode(422).body("rule", is("R10")).body("code", is("NOT_ENOUGH_EXPERTS"))
                .body("eligible", is(4)).body("needed", is(5));
        assertEquals(before, snapshot());
    }

    @Test
    void R10_drawReRunsToTheSameList() {
        UUID id = drawn(MEETING_DAY, accepted());
        List<UUID> recorded = drawnExperts(id);
        String drawnExpert = username(recorded.getFirst());
        for (String viewer : List.of("office", "hrbureau", drawnExpert)) {
            as(viewer).get("/api/meetings/" + id + "/draw/verify").then().statusCode(200)
                    .body("matches", is(true))
                    .body("recorded", is(recorded.stream().map(UUID::toString).toList()))
                    .body("recomputed", is(recorded.stream().map(UUID::toString).toList()))
                    .body("seed", is(meeting(id).getString("draw.seed")))
                    .body("inputsHash", is(meeting(id).getString("draw.inputsHash")));
        }
        // anyone with the published seed and candidate list gets the same experts with the documented function
        JsonPath view = meeting(id);
        Map<UUID, String> recusals = new HashMap<>();
        List<UUID> candidates = new ArrayList<>();
        for (Map<String, String> c : view.<Map<String, String>>getList("draw.candidates")) {
            candidates.add(UUID.fromString(c.get("expertId")));
            if (c.get("recusedReason") != null) {
                recusals.put(UUID.fromString(c.get("expertId")), c.get("recusedReason"));
            }
        }
        ExpertDraw.Result again = ExpertDraw.draw(view.getString("draw.seed"), candidates, recusals, 5);
        assertEquals(recorded, again.drawn());
        assertEquals(view.getString("draw.inputsHash"), again.inputsHash());

        String notDrawn = MeetingTestSupport.EXPERTS.stream()
                .filter(u -> recorded.stream().noneMatch(e -> username(e).equals(u))).findFirst().orElseThrow();
        as(notDrawn).get("/api/meetings/" + id + "/draw/verify").then().statusCode(404);
        draw(id).statusCode(409).body("code", is("ALREADY_DRAWN"));

        // a record altered afterwards no longer matches its fingerprint
        QuarkusTransaction.requiringNew().run(() -> DrawCandidate.update(
                "recusedReason = null where meetingId = ?1", id));
        as("office").get("/api/meetings/" + id + "/draw/verify").then().statusCode(200)
                .body("matches", is(false)).body("recomputedInputsHash", not(is(view.getString("draw.inputsHash"))));
    }

    @Test
    void onlyAnApprovedMeetingIsDrawn() {
        UUID id = MeetingTestSupport.created(MEETING_DAY, accepted());
        draw(id).statusCode(409).body("code", is("ILLEGAL_MEETING_STATE"));
        as("office").get("/api/meetings/" + id + "/draw/verify").then().statusCode(409).body("code", is("NOT_DRAWN"));
    }

    @Test
    void drawnExpertsSeeTheMeetingOthersDoNot() {
        LocalDate day = LocalDate.of(2026, 10, 21);
        UUID id = drawn(day, accepted());
        List<UUID> recorded = drawnExperts(id);
        as(username(recorded.get(2))).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/expert/meetings").then().statusCode(200)
                .body("id", is(List.of(id.toString())))
                .body("id", hasItem(id.toString()))
                .body("find { it.id == '" + id + "' }.drawRank", is(3))
                .body("find { it.id == '" + id + "' }.agenda", hasSize(1))
                .body("find { it.id == '" + id + "' }.agenda[0].idNumber", is("3707**********1230"))
                .body("find { it.id == '" + id + "' }.agenda[0].unitName", containsString("电力设计研究院"));
        as("expert5").queryParam("from", day.toString()).get("/api/expert/meetings").then().statusCode(200)
                .body("id", not(hasItem(id.toString())));
        as("expert5").get("/api/expert/meetings/" + id).then().statusCode(404).body("code", is("MEETING_NOT_FOUND"));
    }
}
