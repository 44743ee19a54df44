package cn.zhicheng.review;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each role's deadlines, waiving, the job runs and notifications, on PostgreSQL (R7, R14, R16, R32). */
@QuarkusTest
class DeadlineResourceTest {

    @Inject
    DeadlineService deadlines;

    private static String idOf(String username, String kind, UUID applicationId) {
        return as(username).get("/api/deadlines").then().statusCode(200).extract()
                .path("find { it.kind == '" + kind + "' && it.subjectId == '" + applicationId + "' }.id");
    }

    private static List<String> ownedBy(Role role) {
        return Arrays.stream(DeadlineKind.values()).filter(k -> k.ownerRole() == role).map(Enum::name).toList();
    }

    @Test
    void R14_R16_eachRoleSeesTheDeadlinesItOwnsWithTheirExplanation() {
        UUID passed = Fixtures.applicationIn(ApplicationState.PASSED);
        UUID inPublicity = Fixtures.applicationIn(ApplicationState.UNIT_PUBLICITY);
        as("office").get("/api/deadlines").then().statusCode(200)
                .body("find { it.subjectId == '" + passed + "' }.kind", is("PASS_LIST"))
                // only what the office owns: other tests' rounds add their R17 year-end deadlines
                .body("kind", everyItem(in(ownedBy(Role.COMMITTEE_OFFICE))))
                .body("find { it.subjectId == '" + passed + "' }.rule", is("R14"))
                .body("find { it.subjectId == '" + passed + "' }.dayType", is("WORKING"))
                .body("find { it.subjectId == '" + passed + "' }.days", is(3))
                .body("find { it.subjectId == '" + passed + "' }.explanation.en", notNullValue())
                .body("find { it.subjectId == '" + passed + "' }.explanation.zh", notNullValue())
                .body("find { it.subjectId == '" + passed + "' }.title.zh", is("报送通过人员名单"));
        as("hrbureau").get("/api/deadlines").then().statusCode(200)
                .body("findAll { it.subjectId == '" + passed + "' }.kind", hasItem("FILING"))
                .body("kind", not(hasItem("PASS_LIST")))
                .body("kind", not(hasItem("UNIT_PUBLICITY")));
        as("unit").get("/api/deadlines").then().statusCode(200)
                .body("find { it.subjectId == '" + inPublicity + "' }.kind", is("UNIT_PUBLICITY"))
                .body("find { it.subjectId == '" + inPublicity + "' }.rule", is("R7"))
                .body("kind", everyItem(is("UNIT_PUBLICITY")));
        as("applicant").get("/api/deadlines").then().statusCode(200)
                .body("findAll { it.subjectId == '" + passed + "' }.kind", hasItems("PASS_LIST", "FILING"));
        as("expert").get("/api/deadlines").then().statusCode(403);
        given().get("/api/deadlines").then().statusCode(401);
    }

    @Test
    void R16_onlyTheHrBureauWaivesADeadlineAndTheWaiverIsAudited() {
        UUID passed = Fixtures.applicationIn(ApplicationState.PASSED);
        String filing = idOf("hrbureau", "FILING", passed);
        as("office").body(Map.of("reason", "不需要")).post("/api/deadlines/" + filing + "/waive")
                .then().statusCode(403);
        as("hrbureau").body(Map.of("reason", "")).post("/api/deadlines/" + filing + "/waive")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED"));
        as("hrbureau").body(Map.of("reason", "省厅统一备案")).post("/api/deadlines/" + filing + "/waive")
                .then().statusCode(200).body("state", is("WAIVED")).body("waivedReason", is("省厅统一备案"));
        as("hrbureau").get("/api/deadlines").then().statusCode(200).body("id", not(hasItem(filing)));
        as("hrbureau").body(Map.of("reason", "again")).post("/api/deadlines/" + filing + "/waive")
                .then().statusCode(409).body("code", is("DEADLINE_CLOSED"));
        as("hrbureau").body(Map.of("reason", "x")).post("/api/deadlines/" + UUID.randomUUID() + "/waive")
                .then().statusCode(404).body("code", is("DEADLINE_NOT_FOUND"));
        long audited = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "subjectId = ?1 and action = ?2", UUID.fromString(filing), "DEADLINE_WAIVE"));
        assertEquals(1, audited);
    }

    @Test
    void R32_theHrBureauRunsAJobNowAndSeesItsRuns() {
        String runId = as("hrbureau").post("/api/jobs/close-submission-windows/runs").then().statusCode(200)
                .body("status", is("SUCCEEDED")).body("job", is("close-submission-windows"))
                .extract().path("id");
        as("hrbureau").post("/api/jobs/mark-overdue/runs").then().statusCode(200).body("status", is("SUCCEEDED"));
        as("hrbureau").get("/api/jobs/runs").then().statusCode(200).body("id", hasItem(runId));
        as("office").post("/api/jobs/mark-overdue/runs").then().statusCode(403);
        as("unit").get("/api/jobs/runs").then().statusCode(403);
        as("hrbureau").post("/api/jobs/dance/runs").then().statusCode(404).body("code", is("UNKNOWN_JOB"));
    }

    @Test
    void R7_anOverdueNoticeReachesTheOwningUnitOnceAndIsMarkedRead() {
        UUID submitted = Fixtures.applicationIn(ApplicationState.SUBMITTED);
        // a publicity that started 30 days ago is overdue today, whatever today is
        UUID deadline = QuarkusTransaction.requiringNew().call(() -> deadlines.attach(DeadlineKind.UNIT_PUBLICITY,
                Application.findById(submitted), LocalDate.now(ClockProducer.CHINA).minusDays(30)).id);
        as("hrbureau").post("/api/jobs/send-reminders/runs").then().statusCode(200).body("status", is("SUCCEEDED"));
        as("hrbureau").post("/api/jobs/send-reminders/runs").then().statusCode(200).body("changed", is(0));
        String id = as("unit").get("/api/notifications").then().statusCode(200)
                .body("findAll { it.deadlineId == '" + deadline + "' }.kind", contains("OVERDUE"))
                .extract().path("find { it.deadlineId == '" + deadline + "' }.id");
        as("unit").get("/api/notifications").then()
                .body("find { it.id == '" + id + "' }.message.en", containsString("overdue"))
                .body("find { it.id == '" + id + "' }.message.zh", containsString("逾期"));
        as("office").get("/api/notifications").then().statusCode(200).body("id", not(hasItem(id)));
        as("office").post("/api/notifications/" + id + "/read").then().statusCode(404)
                .body("code", is("NOTIFICATION_NOT_FOUND"));
        as("unit").post("/api/notifications/" + id + "/read").then().statusCode(200).body("readAt", notNullValue());
        given().get("/api/notifications").then().statusCode(401);
    }
}
