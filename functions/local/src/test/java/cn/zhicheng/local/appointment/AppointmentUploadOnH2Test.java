package cn.zhicheng.local.appointment;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.catalogue.appointment.mapping.AppointmentColumn;
import cn.zhicheng.core.export.XlsxReader;
import cn.zhicheng.core.export.XlsxWriter;
import cn.zhicheng.core.export.XlsxWriter.Style;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.testing.CatalogueFixtures;
import cn.zhicheng.core.testing.CatalogueFixtures.SelfEvaluatingUnit;
import cn.zhicheng.core.time.ClockProducer;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** R25 on the local server: an Excel upload and its per-row report on H2, as the embedded default stores them. */
@QuarkusTest
class AppointmentUploadOnH2Test {

    @Test
    void R25_anUploadsPerRowReportReadsBackOnTheEmbeddedDatabase() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        LocalDate today = LocalDate.now(Arc.container().instance(Clock.class).get().withZone(ClockProducer.CHINA));
        CatalogueFixtures.approvedFiling(unit, "ENGINEERING", today.minusMonths(1));
        LocalDate appointed = today.minusDays(1);
        String idNumber = freshIdNumber();
        XlsxWriter sheet = new XlsxWriter("评聘信息采集表").row(Style.HEADER, AppointmentColumn.headers().toArray());
        for (String level : new String[] {"副高级", "特级"}) {
            sheet.row(Style.CELL, "王磊", idNumber, "男", "工程技术", "电气工程", null, level, "高级工程师", appointed.toString(),
                    appointed.toString(), appointed.plusYears(3).toString(), "本单位工程技术职称评聘委员会", "评聘〔2026〕1号",
                    null, null);
        }

        String uploadId = as(unit.username()).contentType("application/octet-stream").queryParam("fileName", "评聘.xlsx")
                .body(sheet.toBytes()).post("/api/appointments/uploads").then().statusCode(200)
                .body("accepted", is(1)).body("refused", is(1)).extract().path("uploadId");

        // the stored report is read back with native SQL, whose uuid column H2 returns as bytes
        as(unit.username()).get("/api/appointments/uploads/" + uploadId).then().statusCode(200)
                .body("rows[0].outcome", is("ACCEPTED")).body("rows[0].appointmentId", notNullValue())
                .body("rows[1].outcome", is("REFUSED")).body("rows[1].problems[0].code", is("UNKNOWN_LEVEL"));
        byte[] report = as(unit.username()).get("/api/appointments/uploads/" + uploadId + "/report.xlsx").then()
                .statusCode(200).extract().asByteArray();
        List<XlsxReader.Row> rows = new XlsxReader().firstSheet(report).rows();
        assertEquals(List.of("已导入", "未导入"), rows.subList(rows.size() - 2, rows.size()).stream()
                .map(row -> row.cells().get(1)).toList(), "the report workbook's outcome of each row");
    }

    private static String freshIdNumber() {
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3650));
        String first17 = "370705" + birth.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(500) * 2 + 1);
        return first17 + IdNumber.checkCharFor(first17);
    }
}
