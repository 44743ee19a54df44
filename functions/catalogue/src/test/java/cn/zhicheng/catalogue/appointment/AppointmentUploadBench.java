package cn.zhicheng.catalogue.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.catalogue.appointment.mapping.AppointmentColumn;
import cn.zhicheng.catalogue.appointment.mapping.UploadReport;
import cn.zhicheng.catalogue.appointment.service.AppointmentUploadService;
import cn.zhicheng.core.export.XlsxReader;
import cn.zhicheng.core.testing.CatalogueFixtures;
import cn.zhicheng.core.testing.TestCommittees;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark P7 (issue 7, R25): importing a sheet of 5,000 appointment records, 1 in 50 of them bad, on PostgreSQL:
 * read, every row checked, the accepted ones written with their persons, deadlines, audit events and per-row report
 * in one transaction. The baseline, measured in the same run on the same bytes, is reading the sheet alone
 * (XlsxReader). Not part of the test suite; run it with {@code bash infra/bench.sh p7}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "zc.bench", matches = "true")
class AppointmentUploadBench {

    private static final int ROWS = Integer.getInteger("zc.bench.rows", 5_000);
    private static final double TARGET_SECONDS = 30;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Inject
    AppointmentUploadService uploads;

    @Test
    void P7_importsFiveThousandAppointmentRecords() throws IOException {
        TestCommittees.clock().set(TODAY.atTime(LocalTime.NOON).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        CatalogueFixtures.SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        CatalogueFixtures.approvedFiling(unit, "ENGINEERING", LocalDate.of(2026, 1, 5));
        List<Map<AppointmentColumn, Object>> rows = new ArrayList<>(ROWS);
        int bad = 0;
        for (int i = 0; i < ROWS; i++) {
            Map<AppointmentColumn, Object> row = AppointmentSheets.row("员工" + i,
                    AppointmentSheets.freshIdNumber(i % 2 == 0), TODAY.minusDays(1 + i % 300));
            if (i % 50 == 7) {
                row.put(AppointmentColumn.LEVEL, "特级");
                bad++;
            }
            rows.add(row);
        }
        byte[] sheet = AppointmentSheets.sheet(rows);
        // warm the reader and the code paths once on a small sheet of the same unit (not counted)
        uploads.upload(unit.actor(), "warm.xlsx", AppointmentSheets.sheet(rows.subList(0, 20)));

        long started = System.nanoTime();
        int read = new XlsxReader().firstSheet(sheet).rows().size();
        double baseline = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        UploadReport report = uploads.upload(unit.actor(), "bench.xlsx", sheet);
        double imported = (System.nanoTime() - started) / 1e9;

        assertEquals(ROWS + 1, read);
        assertEquals(bad, report.refused());
        assertEquals(ROWS - bad - (20 - 1), report.accepted(), "the warm-up's good rows are already recorded");
        String out = String.format("P7 appointment import: %,d rows (%,d bad), sheet of %,d bytes, PostgreSQL%n"
                        + "  import (read, check, write)   %6.2f s  (%.2f ms per row)%n"
                        + "  baseline: read the sheet       %6.2f s%n"
                        + "  ratio import / baseline        %6.1f%n"
                        + "  target                         < %.0f s: %s%n",
                ROWS, bad, sheet.length, imported, imported * 1000 / ROWS, baseline, imported / baseline,
                TARGET_SECONDS, imported < TARGET_SECONDS ? "met" : "MISSED");
        System.out.print(out);
        Files.writeString(Path.of("target", "bench-p7.txt"), out);
        assertTrue(imported < TARGET_SECONDS, out);
    }
}
