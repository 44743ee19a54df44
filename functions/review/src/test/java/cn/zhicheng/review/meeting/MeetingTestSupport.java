package cn.zhicheng.review.meeting;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static org.hamcrest.Matchers.is;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.meeting.Meeting;
import cn.zhicheng.core.meeting.MeetingExpert;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.time.SettableClock;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Steps and look-ups the meeting tests share: each goes through the API, reads go straight to the database. */
final class MeetingTestSupport {

    /** Every table a meeting step may write, for "a refusal writes nothing". */
    private static final List<String> TABLES = List.of("meeting", "meeting_application", "draw_candidate",
            "meeting_expert", "vote", "review_round", "deadline", "audit_event");
    static final List<String> EXPERTS = List.of("expert", "expert2", "expert3", "expert4", "expert5", "expert6",
            "expert7");

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private MeetingTestSupport() {
    }

    /**
     * Signs everyone in at the real time first: a token issued while the clock stands in the past would already
     * have expired for the token check, which reads the system time.
     */
    static void signInAll() {
        for (String user : List.of("office", "office2", "hrbureau", "applicant", "unit")) {
            DemoUsers.token(user);
        }
        EXPERTS.forEach(DemoUsers::token);
    }

    /** Puts "today" at 10:00 in China on the date. */
    static void today(SettableClock clock, LocalDate date) {
        clock.set(date.atTime(LocalTime.of(10, 0)).atZone(ClockProducer.CHINA).toInstant());
    }

    static Map<String, Object> request(LocalDate date, UUID... applications) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingDate", date.toString());
        body.put("venue", "潍坊市人社局三楼会议室");
        body.put("workPlan", "评审工作方案：资格复核、分组评议、投票表决");
        body.put("applicationIds", List.of(applications));
        return body;
    }

    static ValidatableResponse apply(LocalDate date, UUID... applications) {
        return as("office").body(request(date, applications)).post("/api/meetings").then();
    }

    static UUID created(LocalDate date, UUID... applications) {
        return UUID.fromString(apply(date, applications).statusCode(201).extract().path("id"));
    }

    static UUID approved(LocalDate date, UUID... applications) {
        UUID id = created(date, applications);
        as("hrbureau").body(Map.of("note", "同意", "version", version(id))).post("/api/meetings/" + id + "/approve")
                .then().statusCode(200).body("state", is("APPROVED"));
        return id;
    }

    static ValidatableResponse draw(UUID id) {
        return as("office").body(Map.of("version", version(id))).post("/api/meetings/" + id + "/draw").then();
    }

    static UUID drawn(LocalDate date, UUID... applications) {
        UUID id = approved(date, applications);
        draw(id).statusCode(200).body("state", is("DRAWN"));
        return id;
    }

    static ValidatableResponse attendance(UUID id, List<UUID> present) {
        return as("office").body(Map.of("present", present, "version", version(id)))
                .post("/api/meetings/" + id + "/attendance").then();
    }

    static ValidatableResponse vote(String expert, UUID meeting, UUID application, String choice) {
        return as(expert).body(Map.of("choice", choice))
                .put("/api/expert/meetings/" + meeting + "/votes/" + application).then();
    }

    static ValidatableResponse close(UUID id) {
        return as("office").body(Map.of("version", version(id))).post("/api/meetings/" + id + "/close").then();
    }

    static UUID accepted() {
        return cn.zhicheng.core.testing.Fixtures.applicationIn(ApplicationState.ACCEPTED);
    }

    static long version(UUID meetingId) {
        return QuarkusTransaction.requiringNew().call(() -> Meeting.<Meeting>findById(meetingId).version);
    }

    static ApplicationState stateOf(UUID applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> Application.<Application>findById(applicationId).state());
    }

    static UUID roundOf(UUID applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> Application.<Application>findById(applicationId).roundId);
    }

    /** The drawn experts in draw order. */
    static List<UUID> drawnExperts(UUID meetingId) {
        return QuarkusTransaction.requiringNew().call(() -> MeetingExpert.listByMeeting(meetingId).stream()
                .map(e -> e.expertId).toList());
    }

    static String username(UUID expertId) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(
                Expert.<Expert>findById(expertId).accountId).username);
    }

    static UUID expertId(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Expert.findByAccount(
                Account.findByUsername(username).orElseThrow().id).orElseThrow().id);
    }

    static long rows(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }

    /** Row counts of every table a meeting step writes; sign-ins happen first so they are not counted. */
    static Map<String, Long> snapshot() {
        signInAll();
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, rows(t)));
        return counts;
    }
}
