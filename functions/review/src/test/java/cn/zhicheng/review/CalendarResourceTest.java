package cn.zhicheng.review;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The working-day calendar's routes (R32), on PostgreSQL with the shipped 2025 and 2026 schedules. */
@QuarkusTest
class CalendarResourceTest {

    private static String due(String from, int days) {
        return given().queryParam("from", from).queryParam("days", days).get("/api/calendar/working-days")
                .then().statusCode(200).extract().path("due");
    }

    @Test
    void R32_theShippedSchedulesArePublishedAndCountedWithTheirExplanation() {
        given().get("/api/calendar/years").then().statusCode(200)
                .body("find { it.year == 2026 }.published", is(true))
                .body("find { it.year == 2026 }.source", containsString("2026"))
                .body("find { it.year == 2025 }.published", is(true));
        given().queryParam("from", "2026-09-28").queryParam("days", 10).get("/api/calendar/working-days")
                .then().statusCode(200).body("due", is("2026-10-16")).body("provisional", is(false))
                .body("explanation.en", is("10 working days from 2026-09-28: skips 10-01..10-07 National Day holiday, "
                        + "counts 10-10 adjusted working day → 2026-10-16"))
                .body("explanation.zh", containsString("国庆节"));
    }

    @Test
    void R32_aDeadlineInAYearWithoutAPublishedScheduleIsProvisional() {
        given().queryParam("from", "2026-12-20").queryParam("days", 20).get("/api/calendar/working-days")
                .then().statusCode(200).body("provisional", is(true))
                .body("explanation.en", containsString("provisional"));
    }

    @Test
    void R32_aHolidayEnteredLaterChangesTheCountAndDeletingItRestoresIt() {
        assertEquals("2026-03-10", due("2026-03-09", 1));
        String id = as("hrbureau").body(Map.of("date", "2026-03-10", "kind", "HOLIDAY", "name", "测试假日"))
                .post("/api/calendar/entries").then().statusCode(201).extract().path("id");
        assertEquals("2026-03-11", due("2026-03-09", 1));
        as("hrbureau").delete("/api/calendar/entries/" + id).then().statusCode(204);
        assertEquals("2026-03-10", due("2026-03-09", 1));
    }

    @Test
    void R32_anAdjustedWorkingDayMustFallOnAWeekend() {
        as("hrbureau").body(Map.of("date", "2026-03-04", "kind", "WORKDAY", "name", "错误调休"))
                .post("/api/calendar/entries").then().statusCode(422)
                .body("rule", is("R32")).body("code", is("WORKDAY_NOT_WEEKEND"));
    }

    @Test
    void R32_aDateIsEitherAHolidayOrAWorkingDayNeverBoth() {
        as("hrbureau").body(Map.of("date", "2026-10-10", "kind", "HOLIDAY", "name", "冲突"))
                .post("/api/calendar/entries").then().statusCode(409).body("code", is("CALENDAR_CONFLICT"))
                .body("detail", containsString("WORKDAY"));
    }

    @Test
    void aBadImportFileNamesItsLinesAndImportsNothing() {
        String file = "# source: 测试通知\ndate,kind,name\n2031-01-01,HOLIDAY,元旦\n2031-01-08,WORKDAY,错误调休\n"
                + "2031-13-01,HOLIDAY,坏日期\n";
        as("hrbureau").contentType("text/csv").body(file).post("/api/calendar/import")
                .then().statusCode(400).body("code", is("CALENDAR_FILE_INVALID"))
                .body("errors.field", hasItem("line 4")).body("errors.field", hasItem("line 5"));
        given().get("/api/calendar/years").then().body("year", not(hasItem(2031)));
        given().queryParam("year", 2031).get("/api/calendar/entries").then().statusCode(200).body("size()", is(0));
    }

    @Test
    void aGoodImportPublishesTheYearAndExportsTheSameSchedule() {
        String file = "# source: 测试通知 2030\ndate,kind,name\n2030-01-01,HOLIDAY,元旦\n2030-01-05,WORKDAY,元旦调休上班\n";
        as("hrbureau").contentType("text/csv").body(file).post("/api/calendar/import")
                .then().statusCode(200).body("year", is(2030)).body("imported", is(2));
        given().get("/api/calendar/years").then().body("find { it.year == 2030 }.published", is(true));
        String exported = given().queryParam("year", 2030).get("/api/calendar/export").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        as("hrbureau").contentType("text/csv").body(exported).post("/api/calendar/import")
                .then().statusCode(200).body("imported", is(2));
    }

    @Test
    void onlyTheHrBureauEditsAndBadQueriesAreProblems() {
        as("office").body(Map.of("date", "2026-03-05", "kind", "HOLIDAY", "name", "x"))
                .post("/api/calendar/entries").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("date", "2026-03-05", "kind", "HOLIDAY", "name", "x"))
                .post("/api/calendar/entries").then().statusCode(401);
        as("hrbureau").body(Map.of("date", "1800-03-05", "kind", "HOLIDAY", "name", "x"))
                .post("/api/calendar/entries").then().statusCode(400).body("code", is("DATE_OUT_OF_RANGE"));
        as("hrbureau").body(Map.of("date", "2026-02-30", "kind", "HOLIDAY", "name", "x"))
                .post("/api/calendar/entries").then().statusCode(400).body("code", is("MALFORMED_JSON"));
        given().queryParam("from", "2026-13-01").queryParam("days", 3).get("/api/calendar/working-days")
                .then().statusCode(400).body("code", is("INVALID_DATE"));
        given().queryParam("from", "2026-03-01").queryParam("days", -1).get("/api/calendar/working-days")
                .then().statusCode(400).body("code", is("INVALID_DAYS"));
        given().get("/api/calendar/entries").then().statusCode(400).body("code", is("YEAR_REQUIRED"));
    }
}
