package cn.zhicheng.catalogue.appointment.mapping;

/** One thing wrong with a record: the column (its template header), a stable code, and what to correct. */
public record RowProblem(String column, String code, String message) {

    public static RowProblem of(AppointmentColumn column, String code, String message) {
        return new RowProblem(column == null ? null : column.header(), code, message);
    }
}
