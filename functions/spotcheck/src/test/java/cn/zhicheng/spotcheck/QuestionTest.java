package cn.zhicheng.spotcheck;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static cn.zhicheng.spotcheck.SpotCheckTesting.audits;
import static cn.zhicheng.spotcheck.SpotCheckTesting.rows;
import static cn.zhicheng.spotcheck.SpotCheckTesting.samplePath;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.calendar.CalendarEntry;
import cn.zhicheng.core.calendar.CalendarService;
import cn.zhicheng.core.calendar.DayKind;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.spotcheck.ResponseRequest;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.SpotCheckFixtures;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R18: the office's questions to the applicant, the unit and the department, due in working days (R32). */
@QuarkusTest
class QuestionTest {

    private SpotCheckFixtures.Drawn drawn;

    @BeforeEach
    void drawn() {
        SpotCheckTesting.signInAll();
        drawn = SpotCheckFixtures.drawn(ApplicationState.ACCEPTED, 1, List.of("expert2"), List.of());
        // asked on the Monday before 国庆 2026: 10-01..10-07 are holidays, Saturday 10-10 is a working day
        SpotCheckTesting.setDay(LocalDate.parse("2026-09-28"));
    }

    @AfterEach
    void realTime() {
        SpotCheckTesting.clock().reset();
    }

    @Test
    void R18_questionCreatesAWorkingDayDeadlineThatSkipsTheNationalDayHolidays() {
        JsonPath asked = ask("APPLICANT", null).then().statusCode(201)
                .body("workingDays", is(5)).body("dueOn", is("2026-10-10")).body("addressee", is("APPLICANT"))
                .body("applicantName", is(drawn.applicant().name())).extract().jsonPath();
        UUID id = UUID.fromString(asked.getString("id"));
        QuarkusTransaction.requiringNew().run(() -> {
            Deadline deadline = Deadline.findFor(DeadlineKind.SPOT_CHECK_RESPONSE, id).orElseThrow();
            assertEquals(5, deadline.days);
            assertEquals(LocalDate.parse("2026-10-10"), deadline.dueDate);
            assertEquals(Role.APPLICANT, deadline.ownerRole);
            assertEquals(drawn.applicant().accountId(), deadline.ownerAccountId);
        });

        // the applicant sees it; the unit and the bureau are not asked
        as(drawn.applicant().username()).get("/api/spotcheck-requests").then().statusCode(200).body("id", hasItem(id.toString()));
        as("unit").get("/api/spotcheck-requests").then().statusCode(200).body("id", not(hasItem(id.toString())));
        as("hrbureau").get("/api/spotcheck-requests").then().statusCode(200)
                .body("id", not(hasItem(id.toString())));
        as("unit").body(Map.of("answer", "x", "version", 0)).post("/api/spotcheck-requests/" + id + "/answer")
                .then().statusCode(404);
        as("expert2").get("/api/spotcheck-requests").then().statusCode(403);

        as(drawn.applicant().username()).body(Map.of("answer", "原件已寄送委员会办公室", "version", asked.getLong("version")))
                .post("/api/spotcheck-requests/" + id + "/answer")
                .then().statusCode(200).body("answer", is("原件已寄送委员会办公室"));
        QuarkusTransaction.requiringNew().run(() -> assertEquals(DeadlineState.MET,
                Deadline.findFor(DeadlineKind.SPOT_CHECK_RESPONSE, id).orElseThrow().state));
        as(drawn.applicant().username()).body(Map.of("answer", "again", "version", asked.getLong("version") + 1))
                .post("/api/spotcheck-requests/" + id + "/answer")
                .then().statusCode(409).body("code", is("ALREADY_ANSWERED"));
    }

    @Test
    void R18_theUnitAndTheDepartmentAnswerTheirOwnQuestions() {
        String unitQuestion = ask("UNIT", 10).then().statusCode(201).body("dueOn", is("2026-10-16"))
                .extract().path("id");
        String departmentQuestion = ask("DEPARTMENT", 1).then().statusCode(201).body("dueOn", is("2026-09-29"))
                .extract().path("id");
        as("unit").get("/api/spotcheck-requests").then().body("id", hasItem(unitQuestion))
                .body("id", not(hasItem(departmentQuestion)));
        as("hrbureau").get("/api/spotcheck-requests").then().body("id", hasItem(departmentQuestion))
                .body("id", not(hasItem(unitQuestion)));
        as(drawn.applicant().username()).get("/api/spotcheck-requests").then().body("id", not(hasItem(unitQuestion)));
        QuarkusTransaction.requiringNew().run(() -> {
            Deadline deadline = Deadline.findFor(DeadlineKind.SPOT_CHECK_RESPONSE, UUID.fromString(unitQuestion))
                    .orElseThrow();
            assertEquals(Role.UNIT_HR, deadline.ownerRole);
            assertEquals(DemoUsers.actor("unit").unitId(), deadline.ownerUnitId);
        });
        as("hrbureau").body(Map.of("answer", "已核实", "version", 0))
                .post("/api/spotcheck-requests/" + departmentQuestion + "/answer").then().statusCode(200);
    }

    @Test
    void R32_aCalendarEditRecountsAQuestionWithItsOwnNumberOfDays() {
        UUID id = UUID.fromString(ask("APPLICANT", 10).then().statusCode(201).body("dueOn", is("2026-10-16"))
                .extract().path("id"));
        CalendarService calendars = Arc.container().instance(CalendarService.class).get();
        // a holiday inserted inside the count moves the due date a working day later, counted with the row's 10
        CalendarEntry added = QuarkusTransaction.requiringNew().call(() -> calendars.add(
                DemoUsers.actor("hrbureau"), LocalDate.parse("2026-10-12"), DayKind.HOLIDAY, "测试假日", "test"));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                assertEquals(LocalDate.parse("2026-10-19"),
                        Deadline.findFor(DeadlineKind.SPOT_CHECK_RESPONSE, id).orElseThrow().dueDate);
                Deadline deadline = Deadline.findFor(DeadlineKind.SPOT_CHECK_RESPONSE, id).orElseThrow();
                assertEquals(LocalDate.parse("2026-10-19"), Arc.container().instance(DeadlineService.class).get()
                        .explain(deadline).date(), "the explanation counts the row's days too");
            });
            // the question shows the moved date: its deadline's
            as(drawn.applicant().username()).get("/api/spotcheck-requests").then().statusCode(200)
                    .body("find { it.id == '" + id + "' }.dueOn", is("2026-10-19"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> calendars.delete(DemoUsers.actor("hrbureau"), added.id));
        }
        QuarkusTransaction.requiringNew().run(() -> assertEquals(LocalDate.parse("2026-10-16"),
                Deadline.findFor(DeadlineKind.SPOT_CHECK_RESPONSE, id).orElseThrow().dueDate));
    }

    @Test
    void R18_aQuestionAboutAnApplicationNotInTheSampleIsRefused() {
        long audits = audits();
        as("office").body(Map.of("addressee", "APPLICANT", "question", "请提供原件"))
                .post(samplePath(drawn.drawId(), drawn.notSampledId()) + "/requests")
                .then().statusCode(404).body("code", is("NOT_IN_SAMPLE")).body("rule", is("R18"));
        as("office").body(Map.of("addressee", "APPLICANT", "question", "请提供原件", "workingDays", 31))
                .post(samplePath(drawn.drawId(), drawn.applicationId()) + "/requests")
                .then().statusCode(400).body("errors.field", hasItem("workingDays"));
        as("hrbureau").body(Map.of("addressee", "APPLICANT", "question", "请提供原件"))
                .post(samplePath(drawn.drawId(), drawn.applicationId()) + "/requests").then().statusCode(403);
        assertEquals(0, rows(() -> ResponseRequest.count("drawId", drawn.drawId())));
        assertEquals(audits, audits(), "nothing was written");
    }

    private io.restassured.response.Response ask(String addressee, Integer workingDays) {
        Map<String, Object> body = workingDays == null
                ? Map.of("addressee", addressee, "question", "请说明第 1 项材料的出具单位")
                : Map.of("addressee", addressee, "question", "请说明第 1 项材料的出具单位", "workingDays", workingDays);
        return as("office").body(body).post(samplePath(drawn.drawId(), drawn.applicationId()) + "/requests");
    }
}
