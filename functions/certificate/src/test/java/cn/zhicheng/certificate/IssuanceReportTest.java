package cn.zhicheng.certificate;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.certificate.IssuanceReport;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.testing.CertificateFixtures;
import cn.zhicheng.core.testing.IssuedCertificates;
import cn.zhicheng.core.testing.IssuedCertificates.Spec;
import cn.zhicheng.core.testing.XlsxReading;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R29: an issuer's annual report of the certificates it issued, its deadline, spreadsheet and submission. */
@QuarkusTest
class IssuanceReportTest {

    @Inject
    Clock clock;

    private static IssuedCertificates.Issued issue(Actor bureau, LocalDate on) {
        return IssuedCertificates.issue(Spec.demo().by(bureau).on(on));
    }

    private static IssuanceReport report(Actor bureau, int year) {
        return QuarkusTransaction.requiringNew().call(() -> IssuanceReport.findFor(bureau.unitId(), year)
                .orElseThrow());
    }

    private static Deadline deadline(IssuanceReport report) {
        return QuarkusTransaction.requiringNew().call(() -> Deadline.findFor(DeadlineKind.ISSUANCE_REPORT, report.id)
                .orElseThrow());
    }

    private static long audited(IssuanceReport report) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("subjectId = ?1 and action = 'SUBMIT'",
                report.id));
    }

    @Test
    void R29_theYearsFirstCertificateOpensTheReportWithItsDeadlineOn31JanuaryOfTheNextYear() {
        Actor bureau = CertificateFixtures.freshBureau();
        int year = LocalDate.now(clock).getYear();
        issue(bureau, LocalDate.now(clock));
        issue(bureau, LocalDate.now(clock));

        as(bureau.username()).get("/api/certificates/issuance-reports").then().statusCode(200)
                .body("size()", is(1)).body("[0].year", is(year)).body("[0].state", is("OPEN"))
                .body("[0].dueOn", is((year + 1) + "-01-31")).body("[0].certificateCount", is(2));
        Deadline deadline = deadline(report(bureau, year));
        assertEquals("R29", deadline.rule);
        assertEquals(LocalDate.of(year + 1, 1, 31), deadline.dueDate);
        assertEquals(DeadlineState.OPEN, deadline.state);
        assertEquals(bureau.unitId(), deadline.ownerUnitId, "the bureau's deadline list shows it");
    }

    @Test
    void R29_theSpreadsheetListsTheYearsCertificates() throws Exception {
        Actor bureau = CertificateFixtures.freshBureau();
        LocalDate lastYear = LocalDate.now(clock).minusYears(1);
        IssuedCertificates.Issued first = issue(bureau, lastYear);
        IssuedCertificates.Issued second = issue(bureau, lastYear);
        IssuedCertificates.Issued thisYear = issue(bureau, LocalDate.now(clock));

        byte[] xlsx = as(bureau.username()).get("/api/certificates/issuance-reports/" + lastYear.getYear() + ".xlsx")
                .then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .extract().asByteArray();
        Map<String, String> cells = XlsxReading.cells(xlsx);
        assertTrue(cells.containsValue(first.number()), cells.toString());
        assertTrue(cells.containsValue(second.number()), cells.toString());
        assertTrue(cells.containsValue(first.publicationNumber()), cells.toString());
        assertTrue(!cells.containsValue(thisYear.number()), "another year's certificate is not listed");
        assertTrue(cells.containsValue("3707**********1230"), "ID numbers are masked: " + cells);
    }

    @Test
    void R29_submittingBeforeTheYearEndsIsRefusedAndWritesNothing() {
        Actor bureau = CertificateFixtures.freshBureau();
        int year = LocalDate.now(clock).getYear();
        issue(bureau, LocalDate.now(clock));
        IssuanceReport before = report(bureau, year);

        as(bureau.username()).body(Map.of("version", before.version))
                .post("/api/certificates/issuance-reports/" + year + "/submit").then().statusCode(409)
                .body("code", is("REPORT_YEAR_NOT_OVER")).body("rule", is("R29"));
        IssuanceReport after = report(bureau, year);
        assertEquals(IssuanceReport.State.OPEN, after.state);
        assertEquals(before.version, after.version);
        assertEquals(DeadlineState.OPEN, deadline(after).state);
        assertEquals(0, audited(after));
    }

    @Test
    void R29_submittingLastYearsReportMeetsItsDeadline() {
        Actor bureau = CertificateFixtures.freshBureau();
        int year = LocalDate.now(clock).getYear() - 1;
        issue(bureau, LocalDate.now(clock).minusYears(1));
        long version = report(bureau, year).version;

        as(bureau.username()).body(Map.of("version", version + 1))
                .post("/api/certificates/issuance-reports/" + year + "/submit").then().statusCode(409)
                .body("code", is("STALE_VERSION"));
        JsonPath submitted = as(bureau.username()).body(Map.of("version", version))
                .post("/api/certificates/issuance-reports/" + year + "/submit").then().statusCode(200)
                .body("state", is("SUBMITTED")).body("certificateCount", is(1)).extract().jsonPath();
        IssuanceReport report = report(bureau, year);
        assertEquals(DeadlineState.MET, deadline(report).state);
        assertEquals(1, audited(report));
        assertEquals(report.version, submitted.getLong("version"));
        as(bureau.username()).body(Map.of("version", report.version))
                .post("/api/certificates/issuance-reports/" + year + "/submit").then().statusCode(409)
                .body("code", is("REPORT_ALREADY_SUBMITTED"));
        as(bureau.username()).body(Map.of("version", 0))
                .post("/api/certificates/issuance-reports/1999/submit").then().statusCode(404)
                .body("code", is("REPORT_NOT_FOUND"));
        as("applicant").get("/api/certificates/issuance-reports").then().statusCode(403);
    }
}
