package cn.zhicheng.catalogue.appointment.mapping;

import java.util.List;
import java.util.UUID;

/** The report of an upload (R25): its counts and, per record row of the sheet, what became of it and why. */
public record UploadReport(UUID uploadId, String fileName, int rowCount, int accepted, int refused,
        int alreadyRecorded, List<RowReport> rows) {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REFUSED = "REFUSED";
    public static final String ALREADY_RECORDED = "ALREADY_RECORDED";

    /** One row: its number in the sheet (the header is row 1), the outcome, the record it made, and its problems. */
    public record RowReport(int row, String outcome, UUID appointmentId, String name, String idNumberMasked,
            List<RowProblem> problems) {
    }

    /** An upload in a list: its counts only. */
    public record Summary(UUID uploadId, String fileName, int rowCount, int accepted, int refused,
            int alreadyRecorded, java.time.Instant uploadedAt) {
    }
}
