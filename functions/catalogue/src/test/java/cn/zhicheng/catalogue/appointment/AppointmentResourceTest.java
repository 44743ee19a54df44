package cn.zhicheng.catalogue.appointment;

import static cn.zhicheng.catalogue.appointment.AppointmentSheets.freshIdNumber;
import static cn.zhicheng.catalogue.appointment.AppointmentSheets.row;
import static cn.zhicheng.catalogue.appointment.AppointmentSheets.sheet;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.catalogue.appointment.mapping.AppointmentColumn;
import cn.zhicheng.core.appointment.Appointment;
import cn.zhicheng.core.calendar.CalendarService;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.export.XlsxReader;
import cn.zhicheng.core.export.XlsxWriter;
import cn.zhicheng.core.identity.LocalSignIn;
import cn.zhicheng.core.jobs.JobRunner;
import cn.zhicheng.core.jobs.ReleaseAppointmentCertificatesJob;
import cn.zhicheng.core.notification.Notification;
import cn.zhicheng.core.notification.NotificationKind;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.testing.CatalogueFixtures;
import cn.zhicheng.core.testing.CatalogueFixtures.SelfEvaluatingUnit;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.TestCommittees;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R23, R25, R26: a self-evaluating unit records appointments one by one or by Excel, and their certificates. */
@QuarkusTest
class AppointmentResourceTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** A Friday; the unit's engineering filing runs from the start of the year. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final LocalDate FILED = LocalDate.of(2026, 1, 5);

    @Inject
    JobRunner jobs;

    @Inject
    CalendarService calendars;

    @Inject
    LocalSignIn signIn;

    private SelfEvaluatingUnit unit;
    private String engineering;

    @BeforeEach
    void aFiledUnitWithItsSeal() {
        TestCommittees.clock().reset();
        unit = CatalogueFixtures.selfEvaluatingUnit();
        CatalogueFixtures.approvedFiling(unit, "ENGINEERING", FILED);
        CatalogueFixtures.registeredSeal(unit);
        engineering = QuarkusTransaction.requiringNew().call(() -> Series.findByCode("ENGINEERING").orElseThrow().id)
                .toString();
        moveTo(TODAY);
    }

    @AfterEach
    void realTime() {
        TestCommittees.clock().reset();
    }

    @Test
    void R25_reportIsDueFiveWorkingDaysAfterTheAppointment() {
        LocalDate appointed = LocalDate.of(2026, 11, 16);
        JsonPath view = record(row("李明", freshIdNumber(true), appointed)).statusCode(201)
                .body("state", is("RECORDED")).body("backfill", is(false)).body("reportedOn", nullValue())
                .extract().jsonPath();
        assertEquals(workingDaysAfter(appointed, 5).toString(), view.getString("reportDue"));
        assertTrue(view.getString("idNumberMasked").contains("*"), "never the full ID number");

        as().body(Map.of("version", view.getLong("version"), "reportedOn", "2026-11-19", "reportReference",
                "潍人社备〔2026〕9号")).post("/api/appointments/" + view.getString("id") + "/report").then()
                .statusCode(200).body("reportedOn", is("2026-11-19")).body("reportReference", is("潍人社备〔2026〕9号"));
        as().body(Map.of("version", view.getLong("version") + 1, "reportedOn", "2026-11-13"))
                .post("/api/appointments/" + view.getString("id") + "/report").then().statusCode(422)
                .body("code", is("REPORT_BEFORE_APPOINTMENT"));
    }

    @Test
    void R25_uploadIsDueFifteenWorkingDaysAfterTheAppointment() {
        LocalDate inTime = LocalDate.of(2026, 11, 2);
        LocalDate late = LocalDate.of(2026, 9, 1);
        record(row("周红", freshIdNumber(false), inTime)).statusCode(201)
                .body("uploadDue", is(workingDaysAfter(inTime, 15).toString())).body("uploadedOn", is(TODAY.toString()))
                .body("uploadedLate", is(false));
        record(row("吴刚", freshIdNumber(true), late)).statusCode(201)
                .body("uploadDue", is(workingDaysAfter(late, 15).toString())).body("uploadedLate", is(true));
    }

    @Test
    void R25_theCertificateIsReleasedFifteenWorkingDaysAfterTheUpload() throws Exception {
        String idNumber = freshIdNumber(false);
        JsonPath view = record(row("陈静", idNumber, LocalDate.of(2026, 11, 9))).statusCode(201).extract().jsonPath();
        String id = view.getString("id");
        LocalDate releaseOn = workingDaysAfter(TODAY, 15);
        assertEquals(releaseOn.toString(), view.getString("releaseOn"));
        photo(id).statusCode(200).body("hasPhoto", is(true));

        moveTo(releaseOn.minusDays(1));
        release();
        get(id).body("state", is("RECORDED")).body("certificateId", nullValue());

        moveTo(releaseOn);
        release();
        JsonPath released = get(id).body("state", is("RELEASED")).body("holdReason", nullValue())
                .extract().jsonPath();
        assertNotNull(released.getString("certificateNumber"));
        release();
        get(id).body("certificateId", is(released.getString("certificateId")));

        // the person registers with the ID number the record made them under, and has the certificate
        TestCommittees.clock().reset();
        LocalSignIn.Session session = signIn.register("chen-" + UUID.randomUUID().toString().substring(0, 6),
                "long-enough", "陈静", idNumber, null);
        List<Certificate> mine = QuarkusTransaction.requiringNew().call(() ->
                Certificate.listByPerson(session.account().personId));
        assertEquals(1, mine.size());
        Certificate certificate = mine.get(0);
        assertEquals(CertificateKind.APPOINTMENT, certificate.kind);
        assertEquals(CertificateStatus.VALID, certificate.status);
        assertEquals(released.getString("certificateNumber"), certificate.number);
        assertEquals(unit.unitId(), certificate.issuerId);
        assertEquals(releaseOn, certificate.issuedOn);
        assertEquals("高级工程师", certificate.post);
        assertNotNull(certificate.photoKey);
    }

    @Test
    void R25_aHolderWhoHasSignedUpIsToldOfTheReleaseOnce() throws Exception {
        String idNumber = freshIdNumber(true);
        String id = record(row("唐军", idNumber, LocalDate.of(2026, 11, 9))).statusCode(201).extract().path("id");
        photo(id).statusCode(200);
        LocalSignIn.Session session = signIn.register("tang-" + UUID.randomUUID().toString().substring(0, 6),
                "long-enough", "唐军", idNumber, null);
        UUID account = session.account().id;

        moveTo(workingDaysAfter(TODAY, 15));
        release();
        release();
        String number = get(id).body("state", is("RELEASED")).extract().path("certificateNumber");
        List<Notification> told = QuarkusTransaction.requiringNew().call(() ->
                Notification.<Notification>list("recipientAccountId", account));
        assertEquals(1, told.size(), "one notification, however often the job runs");
        assertEquals(NotificationKind.RELEASED, told.get(0).kind);
        assertTrue(told.get(0).messageZh.contains(number), told.get(0).messageZh);
    }

    @Test
    void R25_aReleaseWithoutAPhotoIsHeldAndRetried() throws Exception {
        String id = record(row("黄磊", freshIdNumber(true), LocalDate.of(2026, 11, 9))).statusCode(201)
                .extract().path("id");
        moveTo(workingDaysAfter(TODAY, 15));
        release();
        get(id).body("state", is("RECORDED")).body("holdReason", is("PHOTO_MISSING"));
        release();
        get(id).body("holdReason", is("PHOTO_MISSING"));

        photo(id).statusCode(200);
        release();
        get(id).body("state", is("RELEASED")).body("holdReason", nullValue());
    }

    @Test
    void R25_recordsCannotBeDeleted() {
        String id = record(row("郑洁", freshIdNumber(false), LocalDate.of(2026, 11, 9))).statusCode(201)
                .extract().path("id");
        as().delete("/api/appointments/" + id).then().statusCode(405);
        as().body(Map.of("version", 0, "reason", "聘用决定撤销")).post("/api/appointments/" + id + "/withdraw").then()
                .statusCode(200).body("state", is("WITHDRAWN")).body("withdrawnReason", is("聘用决定撤销"));
        as().queryParam("state", "WITHDRAWN").get("/api/appointments").then().statusCode(200)
                .body("total", is(1)).body("items[0].id", is(id));
    }

    @Test
    void R26_anAppointmentBeforeTheFilingIsABackfill() {
        record(row("孙伟", freshIdNumber(true), LocalDate.of(2025, 6, 2))).statusCode(201)
                .body("backfill", is(true)).body("reportDue", nullValue()).body("uploadDue", nullValue())
                .body("uploadedLate", is(false)).body("releaseOn", is(workingDaysAfter(TODAY, 15).toString()));
    }

    @Test
    void R26_aBackfillWhoseTermHasEndedIsRefused() {
        Map<AppointmentColumn, Object> row = row("马丽", freshIdNumber(false), LocalDate.of(2022, 3, 1));
        record(row).statusCode(422).body("code", is("BACKFILL_TERM_ENDED")).body("rule", is("R26"));
        as().get("/api/appointments").then().body("total", is(0));
    }

    @Test
    void R23_anAppointmentInASeriesWithoutAnActiveFilingIsRefused() {
        String health = QuarkusTransaction.requiringNew().call(() -> Series.findByCode("HEALTH").orElseThrow().id)
                .toString();
        as().body(AppointmentSheets.json(row("刘洋", freshIdNumber(true), LocalDate.of(2026, 11, 9)), health))
                .post("/api/appointments").then().statusCode(422).body("code", is("SERIES_NOT_FILED"))
                .body("rule", is("R23"));
        Map<AppointmentColumn, Object> inHealth = row("刘洋", freshIdNumber(true), LocalDate.of(2026, 11, 9));
        inHealth.put(AppointmentColumn.SERIES, "卫生");
        upload(sheet(List.of(inHealth))).statusCode(200).body("refused", is(1))
                .body("rows[0].problems.code", hasItem("SERIES_NOT_FILED"));
        as().get("/api/appointments").then().body("total", is(0));
    }

    @Test
    void aRecordWithoutABodyIsRefusedAsBadInput() {
        // found by schemathesis: an empty JSON body reached the service as null
        as().body("\n").post("/api/appointments").then().statusCode(400).body("code", is("VALIDATION_FAILED"));
        as().get("/api/appointments").then().body("total", is(0));
    }

    @Test
    void theTemplateHasTheContractsHeadersAndUploadsAsEmpty() {
        byte[] template = as().get("/api/appointments/template.xlsx").then().statusCode(200)
                .contentType(XlsxWriter.MEDIA_TYPE).extract().asByteArray();
        XlsxReader.Sheet sheet = new XlsxReader().firstSheet(template);
        assertEquals(List.of("姓名", "身份证号", "性别", "职称系列", "专业", "从事专业", "职称层级", "评聘岗位", "聘用日期",
                "聘期起始日期", "聘期截止日期", "评聘委员会名称", "公布文号", "报人事综合管理部门备案日期", "备案文号"),
                sheet.rows().get(0).cells());
        assertTrue(sheet.rows().size() > 2, "an example row and notes");
        upload(template).statusCode(422).body("code", is("EMPTY_SHEET"));
    }

    @Test
    void aFileThatIsNotExcelIsRefused() {
        upload("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes()).statusCode(415).body("code", is("NOT_EXCEL"));
        upload("姓名,身份证号\n王芳,370705199001010026\n".getBytes()).statusCode(415).body("code", is("NOT_EXCEL"));
        assertEquals(0, uploadsCount());
    }

    @Test
    void aSheetWithOtherColumnsIsRefusedNamingThem() {
        byte[] bytes = new XlsxWriter("s").row(XlsxWriter.Style.HEADER, "名字", "身份证号", "性别", "职称系列", "专业",
                "从事专业", "职称层级", "评聘岗位", "聘用日期", "聘期起始日期", "聘期截止日期", "评聘委员会名称", "公布文号",
                "报人事综合管理部门备案日期", "备案文号", "备注").row(XlsxWriter.Style.CELL, "王芳").toBytes();
        upload(bytes).statusCode(422).body("code", is("WRONG_COLUMNS")).body("missing", is(List.of("姓名")))
                .body("unexpected", is(List.of("名字", "备注")));
    }

    @Test
    void anEmptyOrTooLargeSheetIsRefused() {
        upload(sheet(List.of())).statusCode(422).body("code", is("EMPTY_SHEET"));
        upload(new byte[4 * 1024 * 1024 + 1]).statusCode(413).body("code", is("PAYLOAD_TOO_LARGE"));
        assertEquals(0, uploadsCount());
    }

    @Test
    void eachRowIsReportedAndACorrectedSheetRecordsOnlyTheRowsItHadRefused() throws Exception {
        Map<AppointmentColumn, Object> first = row("赵敏", freshIdNumber(false), LocalDate.of(2026, 10, 12));
        Map<AppointmentColumn, Object> wrong = row("钱进", freshIdNumber(true), LocalDate.of(2026, 10, 13));
        String rightIdNumber = (String) wrong.get(AppointmentColumn.ID_NUMBER);
        wrong.put(AppointmentColumn.ID_NUMBER, rightIdNumber.substring(0, 17) + (rightIdNumber.endsWith("0") ? "1"
                : "0"));
        wrong.put(AppointmentColumn.APPOINTED_ON, "2026年13月1日");
        Map<AppointmentColumn, Object> third = row("孙丽", freshIdNumber(false), LocalDate.of(2026, 10, 14));
        third.put(AppointmentColumn.APPOINTED_ON, 46309.0); // 2026-10-14 as an Excel date

        JsonPath report = upload(sheet(List.of(first, wrong, third))).statusCode(200).body("rowCount", is(3))
                .body("accepted", is(2)).body("refused", is(1)).body("alreadyRecorded", is(0))
                .body("rows.row", is(List.of(2, 3, 4)))
                .body("rows.outcome", is(List.of("ACCEPTED", "REFUSED", "ACCEPTED")))
                .body("rows[1].name", is("钱进"))
                .body("rows[1].problems.code", is(List.of("INVALID_DATE", "INVALID_ID_NUMBER")))
                .body("rows[1].problems.column", is(List.of("聘用日期", "身份证号")))
                .extract().jsonPath();
        String uploadId = report.getString("uploadId");
        as().queryParam("outcome", "REFUSED").get("/api/appointments/uploads/" + uploadId).then().statusCode(200)
                .body("rows.row", is(List.of(3))).body("rows[0].problems.code", hasItem("INVALID_ID_NUMBER"));
        byte[] xlsx = as().get("/api/appointments/uploads/" + uploadId + "/report.xlsx").then().statusCode(200)
                .extract().asByteArray();
        XlsxReader.Row refusedRow = new XlsxReader().firstSheet(xlsx).rows().get(3);
        assertEquals(3.0, refusedRow.cell(0));
        assertTrue(refusedRow.cell(4).toString().contains("INVALID_ID_NUMBER"), refusedRow.toString());
        as().get("/api/appointments").then().body("total", is(2));

        wrong.put(AppointmentColumn.ID_NUMBER, rightIdNumber);
        wrong.put(AppointmentColumn.APPOINTED_ON, "2026/10/13");
        upload(sheet(List.of(first, wrong, third))).statusCode(200).body("accepted", is(1))
                .body("alreadyRecorded", is(2)).body("refused", is(0))
                .body("rows.outcome", is(List.of("ALREADY_RECORDED", "ACCEPTED", "ALREADY_RECORDED")));
        as().get("/api/appointments").then().body("total", is(3));
        as().get("/api/appointments/uploads").then().statusCode(200).body("total", is(2))
                .body("items.accepted", is(List.of(1, 2)));
    }

    @Test
    void aSheetOfFiveThousandRowsReportsEveryBadRow() {
        List<Map<AppointmentColumn, Object>> rows = new ArrayList<>();
        Map<Integer, String> bad = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            int sheetRow = i + 2;
            Map<AppointmentColumn, Object> row = row("员工" + i, freshIdNumber(i % 2 == 0), TODAY.minusDays(1 + i % 200));
            if (i % 97 == 5) {
                row.put(AppointmentColumn.LEVEL, "特级");
                bad.put(sheetRow, "UNKNOWN_LEVEL");
            } else if (i % 97 == 40) {
                row.put(AppointmentColumn.SEX, "男".equals(row.get(AppointmentColumn.SEX)) ? "女" : "男");
                bad.put(sheetRow, "SEX_MISMATCH");
            } else if (i % 97 == 70) {
                row.put(AppointmentColumn.TERM_ENDS_ON, row.get(AppointmentColumn.TERM_STARTS_ON));
                bad.put(sheetRow, "TERM_ORDER");
            } else if (i % 97 == 90 && i > 0) {
                rows.add(new HashMap<>(rows.get(rows.size() - 1)));
                bad.put(sheetRow, "DUPLICATE_ROW");
                continue;
            }
            rows.add(row);
        }
        JsonPath report = upload(sheet(rows)).statusCode(200).body("rowCount", is(5_000))
                .body("accepted", is(5_000 - bad.size())).body("refused", is(bad.size())).extract().jsonPath();
        List<Map<String, Object>> refused = report.getList("rows.findAll { it.outcome == 'REFUSED' }");
        assertEquals(bad.size(), refused.size());
        for (Map<String, Object> row : refused) {
            int number = (Integer) row.get("row");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> problems = (List<Map<String, Object>>) row.get("problems");
            assertEquals(bad.get(number), problems.get(0).get("code"), "row " + number);
        }
        as().get("/api/appointments").then().body("total", is(5_000 - bad.size()));
    }

    @Test
    void aPersonRecordedByAUnitRegistersUnderTheNameOnRecordOnly() {
        String idNumber = freshIdNumber(true);
        record(row("林涛", idNumber, LocalDate.of(2026, 11, 9))).statusCode(201);
        TestCommittees.clock().reset();
        Problem refused = assertThrows(Problem.class, () -> signIn.register("lin-" + UUID.randomUUID()
                .toString().substring(0, 6), "long-enough", "林海", idNumber, null));
        assertEquals("NAME_MISMATCH", refused.code());
        LocalSignIn.Session session = signIn.register("lin-" + UUID.randomUUID().toString().substring(0, 6),
                "long-enough", "林涛", idNumber, null);
        String personId = QuarkusTransaction.requiringNew().call(() -> Appointment.<Appointment>list("unitId",
                unit.unitId()).get(0).personId.toString());
        assertEquals(personId, session.account().personId.toString());
        Problem again = assertThrows(Problem.class, () -> signIn.register("lin-" + UUID.randomUUID().toString()
                .substring(0, 6), "long-enough", "林涛", idNumber, null));
        assertEquals("ID_NUMBER_REGISTERED", again.code());
    }

    private RequestSpecification as() {
        return DemoUsers.as(unit.username()).contentType("application/json");
    }

    private ValidatableResponse record(Map<AppointmentColumn, Object> row) {
        return as().body(AppointmentSheets.json(row, engineering)).post("/api/appointments").then();
    }

    /**
     * The bytes as application/octet-stream: the test's Lambda event server, like API Gateway without binary media
     * types, passes the .xlsx type (its name contains "xml") as text, which breaks a zip.
     */
    private ValidatableResponse upload(byte[] bytes) {
        return DemoUsers.as(unit.username()).contentType("application/octet-stream")
                .queryParam("fileName", "名单.xlsx").body(bytes).post("/api/appointments/uploads").then();
    }

    private ValidatableResponse get(String id) {
        return as().get("/api/appointments/" + id).then().statusCode(200);
    }

    private ValidatableResponse photo(String id) throws Exception {
        BufferedImage image = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return DemoUsers.as(unit.username()).contentType("image/png").body(png.toByteArray())
                .put("/api/appointments/" + id + "/photo").then();
    }

    private long uploadsCount() {
        return as().get("/api/appointments/uploads").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private void release() {
        assertTrue(jobs.run(ReleaseAppointmentCertificatesJob.NAME).succeeded());
    }

    private LocalDate workingDaysAfter(LocalDate start, int days) {
        return calendars.calendar().plusWorkingDays(start, days);
    }

    private static void moveTo(LocalDate day) {
        TestCommittees.clock().set(day.atTime(LocalTime.of(10, 0)).atZone(CHINA).toInstant());
    }
}
