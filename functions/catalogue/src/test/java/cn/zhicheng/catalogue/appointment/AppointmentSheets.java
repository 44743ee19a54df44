package cn.zhicheng.catalogue.appointment;

import cn.zhicheng.catalogue.appointment.mapping.AppointmentColumn;
import cn.zhicheng.core.export.XlsxWriter;
import cn.zhicheng.core.export.XlsxWriter.Style;
import cn.zhicheng.core.person.IdNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Appointment records for tests and the benchmark: fresh ID numbers, a row as a map, a sheet of rows. */
public final class AppointmentSheets {

    private AppointmentSheets() {
    }

    /** Walks birth days and sequence numbers, so no two numbers of a run are the same (random ones collide). */
    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextInt(1_000_000));

    /** A valid ID number nobody has yet in this run: born in the 1980s in 潍坊市奎文区, of the given sex. */
    public static String freshIdNumber(boolean male) {
        long next = NEXT.getAndIncrement();
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(next % 3650);
        int sequence = (int) (next / 3650 % 500) * 2 + (male ? 1 : 0);
        String first17 = "370705" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + IdNumber.checkCharFor(first17);
    }

    /** A record as the template's columns, header to value, appointed on the day with a 3-year term. */
    public static Map<AppointmentColumn, Object> row(String name, String idNumber, LocalDate appointedOn) {
        boolean male = (idNumber.charAt(16) - '0') % 2 == 1;
        Map<AppointmentColumn, Object> row = new LinkedHashMap<>();
        row.put(AppointmentColumn.NAME, name);
        row.put(AppointmentColumn.ID_NUMBER, idNumber);
        row.put(AppointmentColumn.SEX, male ? "男" : "女");
        row.put(AppointmentColumn.SERIES, "工程技术");
        row.put(AppointmentColumn.SPECIALTY, "电气工程");
        row.put(AppointmentColumn.PRACTISED_SPECIALTY, null);
        row.put(AppointmentColumn.LEVEL, "副高级");
        row.put(AppointmentColumn.POST, "高级工程师");
        row.put(AppointmentColumn.APPOINTED_ON, appointedOn.toString());
        row.put(AppointmentColumn.TERM_STARTS_ON, appointedOn.toString());
        row.put(AppointmentColumn.TERM_ENDS_ON, appointedOn.plusYears(3).minusDays(1).toString());
        row.put(AppointmentColumn.COMMITTEE_NAME, "本单位工程技术职称评聘委员会");
        row.put(AppointmentColumn.PUBLICATION_NUMBER, "评聘〔" + appointedOn.getYear() + "〕1号");
        row.put(AppointmentColumn.REPORTED_ON, null);
        row.put(AppointmentColumn.REPORT_REFERENCE, null);
        return row;
    }

    /** The sheet of the template's header row and these records. */
    public static byte[] sheet(List<Map<AppointmentColumn, Object>> rows) {
        XlsxWriter sheet = new XlsxWriter("评聘信息采集表").row(Style.HEADER, AppointmentColumn.headers().toArray());
        for (Map<AppointmentColumn, Object> row : rows) {
            List<Object> values = new ArrayList<>();
            for (AppointmentColumn column : AppointmentColumn.values()) {
                values.add(row.get(column));
            }
            sheet.row(Style.CELL, values.toArray());
        }
        return sheet.toBytes();
    }

    /** The same record as JSON for the one-by-one route. */
    public static Map<String, Object> json(Map<AppointmentColumn, Object> row, String seriesId) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (AppointmentColumn column : AppointmentColumn.values()) {
            Object value = row.get(column);
            if (value != null) {
                body.put(column.field(), value);
            }
        }
        body.put("sex", "男".equals(row.get(AppointmentColumn.SEX)) ? "MALE" : "FEMALE");
        body.put("level", "DEPUTY_SENIOR");
        body.put("seriesId", seriesId);
        return body;
    }
}
