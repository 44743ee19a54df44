package cn.zhicheng.catalogue.appointment.service;

import cn.zhicheng.catalogue.appointment.mapping.AppointmentSheet;
import cn.zhicheng.catalogue.appointment.mapping.RowProblem;
import cn.zhicheng.catalogue.appointment.mapping.UploadReport;
import cn.zhicheng.core.appointment.AppointmentUpload;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.export.XlsxReader;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.persistence.BatchInsert;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.unit.Unit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * R25: an Excel sheet of appointment records. The whole sheet is refused (and nothing kept) when it is not an
 * .xlsx, too large, not the template or empty; otherwise every row is checked, the refused rows change nothing, and
 * the accepted ones are written together with the upload and its per-row report, in one transaction.
 */
@ApplicationScoped
@Transactional
public class AppointmentUploadService {

    public static final String SUBJECT = "APPOINTMENT_UPLOAD";
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    public static final int MAX_ROWS = 10_000;
    private static final int MAX_PROBLEMS_TEXT = 4000;
    private static final List<String> ROW_COLUMNS = List.of("upload_id", "row_number", "outcome", "appointment_id",
            "holder_name", "id_number_masked", "problems");
    private static final TypeReference<List<RowProblem>> PROBLEMS = new TypeReference<>() {
    };

    private final AppointmentService appointments;
    private final AppointmentRecorder recorder;
    private final BatchInsert batch;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    public AppointmentUploadService(AppointmentService appointments, AppointmentRecorder recorder, BatchInsert batch,
            AuditTrail audit, ObjectMapper json, Clock clock) {
        this.appointments = appointments;
        this.recorder = recorder;
        this.batch = batch;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public UploadReport upload(Actor actor, String fileName, byte[] bytes) {
        Unit unit = Unit.selfEvaluatingOf(actor, false);
        if (bytes == null || bytes.length == 0) {
            throw Problem.of(415, "NOT_EXCEL", "Not an Excel workbook", "The request has no file; send the .xlsx.");
        }
        if (bytes.length > MAX_BYTES) {
            throw Problem.of(413, "PAYLOAD_TOO_LARGE", "Sheet too large", "A sheet of appointment records may be at "
                    + "most 4 MiB; this one is " + bytes.length + " bytes. Split it into several sheets.");
        }
        XlsxReader.Sheet sheet;
        try {
            sheet = new XlsxReader().firstSheet(bytes);
        } catch (XlsxReader.NotXlsxException e) {
            throw Problem.of(415, "NOT_EXCEL", "Not an Excel workbook", e.getMessage()
                    + " Fill in the template (.xlsx) and upload it.");
        }
        AppointmentSheet.Rows rows = AppointmentSheet.rows(sheet);
        if (rows.rows().size() > MAX_ROWS) {
            throw Problem.of(422, "TOO_MANY_ROWS", "Too many rows", "A sheet may hold at most " + MAX_ROWS
                    + " records; this one has " + rows.rows().size() + ". Split it into several sheets.");
        }
        Map<String, Series> series = new HashMap<>();
        for (Series s : Series.<Series>listAll()) {
            series.put(s.code, s);
            series.putIfAbsent(s.nameZh, s);
        }
        List<AppointmentRecorder.Entry> entries = new ArrayList<>(rows.rows().size());
        for (XlsxReader.Row row : rows.rows()) {
            entries.add(new AppointmentRecorder.Entry(row.number(), AppointmentSheet.draft(row, rows.columns(),
                    series)));
        }

        AppointmentUpload upload = new AppointmentUpload();
        upload.id = UUID.randomUUID();
        upload.unitId = unit.id;
        upload.uploadedBy = actor.accountId();
        upload.fileName = fileName(fileName);
        upload.sha256 = AppointmentService.sha256(bytes);
        upload.rowCount = entries.size();
        upload.createdAt = clock.instant();
        upload.persist();
        // the records refer to the upload: it is written before them
        AppointmentUpload.flush();
        List<AppointmentRecorder.Outcome> outcomes = recorder.record(actor, unit.id, entries, upload.id);
        List<UploadReport.RowReport> reports = outcomes.stream().map(AppointmentRecorder.Outcome::report).toList();
        upload.acceptedCount = count(reports, UploadReport.ACCEPTED);
        upload.refusedCount = count(reports, UploadReport.REFUSED);
        upload.alreadyRecordedCount = count(reports, UploadReport.ALREADY_RECORDED);
        List<Object[]> reportRows = new ArrayList<>(reports.size());
        for (UploadReport.RowReport r : reports) {
            reportRows.add(new Object[] {upload.id, r.row(), r.outcome(), r.appointmentId(), truncate(r.name(), 100),
                r.idNumberMasked() == null ? null : truncate(r.idNumberMasked(), 18), problemsText(r.problems())});
        }
        batch.insert("appointment_upload_row", ROW_COLUMNS, reportRows);
        audit.record(actor, new AuditTrail.Change("UPLOAD", SUBJECT, upload.id, null, "UPLOADED", upload.fileName
                + ": " + upload.rowCount + " rows, " + upload.acceptedCount + " accepted, " + upload.refusedCount
                + " refused, " + upload.alreadyRecordedCount + " already recorded"));
        return report(upload, reports);
    }

    /** A page of the unit's uploads, newest first, counts only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map.Entry<List<UploadReport.Summary>, Long> list(Actor actor, int page, int size) {
        Unit unit = Unit.selfEvaluatingOf(actor, false);
        var query = AppointmentUpload.<AppointmentUpload>find("unitId = ?1 order by createdAt desc, id", unit.id);
        List<UploadReport.Summary> items = query.page(Page.of(page, size)).list().stream()
                .map(u -> new UploadReport.Summary(u.id, u.fileName, u.rowCount, u.acceptedCount, u.refusedCount,
                        u.alreadyRecordedCount, u.createdAt)).toList();
        return Map.entry(items, query.count());
    }

    /** The stored report of one of the unit's uploads, its rows optionally of one outcome. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UploadReport get(Actor actor, UUID id, String outcome) {
        Unit unit = Unit.selfEvaluatingOf(actor, false);
        AppointmentUpload upload = AppointmentUpload.findById(id);
        if (upload == null || !upload.unitId.equals(unit.id)) {
            throw Problem.notFound("UPLOAD_NOT_FOUND", "No upload " + id + " is yours.");
        }
        List<?> rows = AppointmentUpload.getEntityManager().createNativeQuery("select row_number, outcome, "
                // as text: H2 hands a native uuid column back as its bytes, PostgreSQL as a UUID
                + "cast(appointment_id as varchar), holder_name, id_number_masked, problems from appointment_upload_row "
                + "where upload_id = ?1 and (cast(?2 as varchar) is null or outcome = ?2) order by row_number")
                .setParameter(1, id).setParameter(2, outcome).getResultList();
        List<UploadReport.RowReport> reports = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            reports.add(new UploadReport.RowReport(((Number) r[0]).intValue(), (String) r[1], uuid(r[2]),
                    (String) r[3], (String) r[4], problems((String) r[5])));
        }
        return report(upload, reports);
    }

    public byte[] reportXlsx(Actor actor, UUID id) {
        return AppointmentSheet.report(get(actor, id, null));
    }

    private static UploadReport report(AppointmentUpload upload, List<UploadReport.RowReport> rows) {
        return new UploadReport(upload.id, upload.fileName, upload.rowCount, upload.acceptedCount,
                upload.refusedCount, upload.alreadyRecordedCount, rows);
    }

    private String problemsText(List<RowProblem> problems) {
        if (problems.isEmpty()) {
            return null;
        }
        try {
            List<RowProblem> kept = new ArrayList<>(problems);
            String text = json.writeValueAsString(kept);
            // a row with very many long problems keeps the first ones that fit the column
            while (text.length() > MAX_PROBLEMS_TEXT && kept.size() > 1) {
                kept.remove(kept.size() - 1);
                text = json.writeValueAsString(kept);
            }
            return truncate(text, MAX_PROBLEMS_TEXT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RowProblem> problems(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, PROBLEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable problems of an upload row", e);
        }
    }

    private static UUID uuid(Object value) {
        return value == null ? null : UUID.fromString(value.toString());
    }

    private static int count(List<UploadReport.RowReport> reports, String outcome) {
        return (int) reports.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    private static String fileName(String name) {
        String trimmed = name == null || name.isBlank() ? "appointments.xlsx" : name.strip();
        return truncate(trimmed, 255);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
