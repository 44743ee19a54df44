package cn.zhicheng.catalogue.publiccatalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.catalogue.SeriesFiling;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.testing.CatalogueFixtures;
import cn.zhicheng.core.testing.CatalogueFixtures.SelfEvaluatingUnit;
import cn.zhicheng.core.testing.XlsxReading;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R23: the public catalogue of active filings, as JSON and as the 附件1 spreadsheet, without signing in. */
@QuarkusTest
class PublicCatalogueTest {

    private static final String CACHE = "public, max-age=60";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static String suffix(SelfEvaluatingUnit unit) {
        return QuarkusTransaction.requiringNew().call(() -> Unit.<Unit>findById(unit.unitId()).code.substring(2));
    }

    @Test
    void R23_thePublicCatalogueListsOnlyActiveFilings() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        UUID engineering = CatalogueFixtures.approvedFiling(unit, "ENGINEERING", TODAY.minusDays(10));
        UUID accounting = CatalogueFixtures.approvedFiling(unit, "ACCOUNTING", TODAY.minusDays(3));
        // ended by its dates (the job has not run) and not yet begun
        CatalogueFixtures.approvedFiling(unit, "HEALTH", TODAY.minusYears(3).minusDays(1));
        CatalogueFixtures.approvedFiling(unit, "ARTS", TODAY.plusDays(1));
        String name = suffix(unit).toLowerCase(Locale.ROOT);
        var list = given().queryParam("unit", name).get("/api/public/catalogue").then().statusCode(200);
        // the Lambda adapter hands a comma-separated header on as one value per element; a cache reads both alike
        assertEquals(CACHE, String.join(", ", list.extract().headers().getValues("Cache-Control")));
        list.body("total", is(2))
                // sorted by city, unit, series: ACCOUNTING before ENGINEERING
                .body("items[0].filingId", is(accounting.toString()))
                .body("items[1].filingId", is(engineering.toString()))
                .body("items[1].seriesName", is("工程技术")).body("items[1].city", is("潍坊市"))
                .body("items[1].mobilePhone", is("138****0000")).body("items[1].officePhone", is("0536-8785000"))
                .body("items[1].evaluations[0].year", is(TODAY.minusDays(10).getYear() - 3))
                .body("items[1].evaluations[2].count", is(7))
                .body("items[1].validFrom", is(TODAY.minusDays(10).toString()));
        given().queryParam("unit", name).queryParam("series", "engineer").get("/api/public/catalogue").then()
                .statusCode(200).body("total", is(1)).body("items[0].seriesCode", is("ENGINEERING"));
        given().queryParam("unit", name).queryParam("series", "会计").queryParam("city", "潍坊")
                .get("/api/public/catalogue").then().body("total", is(1));
        given().queryParam("unit", name).queryParam("city", "烟台").get("/api/public/catalogue").then()
                .body("total", is(0));
        // the user's % matches itself, not everything
        given().queryParam("unit", "%").get("/api/public/catalogue").then().statusCode(200).body("total", is(0));
    }

    @Test
    void R23_requireActiveRefusesASeriesWithoutAnActiveFiling() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        UUID filing = CatalogueFixtures.approvedFiling(unit, "PUBLISHING", TODAY.minusDays(1));
        UUID publishing = QuarkusTransaction.requiringNew().call(() -> Series.findByCode("PUBLISHING").orElseThrow()
                .id);
        UUID journalism = QuarkusTransaction.requiringNew().call(() -> Series.findByCode("JOURNALISM").orElseThrow()
                .id);
        assertEquals(filing, QuarkusTransaction.requiringNew().call(
                () -> SeriesFiling.requireActive(unit.unitId(), publishing, TODAY).id));
        Problem refused = assertThrows(Problem.class, () -> QuarkusTransaction.requiringNew().call(
                () -> SeriesFiling.requireActive(unit.unitId(), journalism, TODAY)));
        assertEquals("SERIES_NOT_FILED", refused.code());
        assertEquals("R23", refused.rule());
        assertEquals(422, refused.status());
        assertEquals(journalism, refused.extensions().get("seriesId"));
        // the day before the filing began
        assertThrows(Problem.class, () -> QuarkusTransaction.requiringNew().call(
                () -> SeriesFiling.requireActive(unit.unitId(), publishing, TODAY.minusDays(2))));
    }

    @Test
    void R23_theSpreadsheetHasTheLayoutOfTheFilingForm() throws Exception {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        LocalDate from = TODAY.minusDays(5);
        CatalogueFixtures.approvedFiling(unit, "LABORATORY", from);
        Response response = given().queryParam("unit", suffix(unit)).get("/api/public/catalogue.xlsx");
        assertEquals(CACHE, String.join(", ", response.headers().getValues("Cache-Control")));
        response.then().statusCode(200).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        byte[] xlsx = response.asByteArray();
        Map<String, String> cells = XlsxReading.cells(xlsx);
        assertEquals("自主评聘职称系列（专业）目录清单", cells.get("A1"));
        assertEquals("制表日期：" + TODAY, cells.get("A2"));
        assertEquals("序号", cells.get("A3"));
        assertEquals("评聘职称系列（专业）", cells.get("D3"));
        assertEquals("近3年职称评聘人数", cells.get("G3"));
        assertEquals("前第3年", cells.get("G4"));
        assertEquals("前第1年", cells.get("I4"));
        assertEquals("有效期", cells.get("J3"));
        assertEquals("1", cells.get("A5"));
        assertEquals("实验技术", cells.get("D5"));
        assertEquals("人事处；联系人：赵磊；电话：0536-8785000", cells.get("E5"));
        assertEquals("120", cells.get("F5"));
        assertEquals((from.getYear() - 3) + "年：5", cells.get("G5"));
        assertEquals((from.getYear() - 1) + "年：7", cells.get("I5"));
        assertEquals(from + " 至 " + from.plusYears(3).minusDays(1), cells.get("J5"));
        assertEquals(null, cells.get("A6"));
        assertTrue(XlsxReading.parts(xlsx).get("xl/worksheets/sheet1.xml").getElementsByTagName("mergeCell")
                .getLength() >= 10);
    }

    @Test
    void pagingOutOfBoundsIsRefusedAsBadInput() {
        given().queryParam("size", 101).get("/api/public/catalogue").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
        given().queryParam("page", -1).get("/api/public/catalogue").then().statusCode(400);
        given().queryParam("page", 177_538_682).get("/api/public/catalogue").then().statusCode(400);
        given().queryParam("page", "99999999999").get("/api/public/catalogue").then().statusCode(400);
        given().queryParam("size", 0).get("/api/public/catalogue").then().statusCode(400);
        given().queryParam("unit", "x".repeat(101)).accept(ContentType.JSON).get("/api/public/catalogue").then()
                .statusCode(400);
    }
}
