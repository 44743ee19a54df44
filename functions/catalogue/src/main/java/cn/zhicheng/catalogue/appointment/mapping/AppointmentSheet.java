package cn.zhicheng.catalogue.appointment.mapping;

import cn.zhicheng.core.export.XlsxReader;
import cn.zhicheng.core.export.XlsxWriter;
import cn.zhicheng.core.export.XlsxWriter.Style;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.Sex;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The appointment template as Excel (R25): the template to download, the rows of an uploaded sheet read into
 * {@link Draft}s (headers checked, cells interpreted: dates, sex, series, level), and the upload report as Excel.
 * Rows whose name starts with 示例 or 说明 are the template's example and notes, and are not records.
 */
public final class AppointmentSheet {

    public static final String SHEET_NAME = "评聘信息采集表";
    /** Dates as text: 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日 (a time after it, as some exports add, ignored). */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    /** A woman born 1990-01-01 in 潍坊市奎文区: the example row's ID number, its check digit computed. */
    private static final String EXAMPLE_ID_FIRST_17 = "37070519900101002";
    private static final List<String> TEMPLATE_ROW_PREFIXES = List.of("示例", "说明");

    private AppointmentSheet() {
    }

    /** The sheet's record rows, after its header row. */
    public record Rows(List<XlsxReader.Row> rows, Map<AppointmentColumn, Integer> columns) {
    }

    /** The template: the header row, one example row, and notes on the formats. */
    public static byte[] template() {
        String exampleIdNumber = EXAMPLE_ID_FIRST_17 + IdNumber.checkCharFor(EXAMPLE_ID_FIRST_17);
        XlsxWriter sheet = new XlsxWriter(SHEET_NAME)
                .widths(12, 22, 6, 14, 14, 14, 10, 16, 14, 14, 14, 24, 22, 18, 20)
                .row(Style.HEADER, AppointmentColumn.headers().toArray());
        sheet.row(Style.CELL, "示例-王芳", exampleIdNumber, "女", "工程技术", "电气工程", "", "副高级", "高级工程师",
                "2026-03-01", "2026-03-01", "2029-02-28", "潍坊某单位工程技术职称评聘委员会", "某单位〔2026〕12号",
                "2026-03-04", "潍人社备〔2026〕3号");
        String[] notes = {
            "说明：以“示例”或“说明”开头的行不会导入；请删除示例行后逐行填写，每行一条聘用记录，表头不可修改。",
            "说明：日期可填 Excel 日期，或 2026-03-01、2026/3/1、2026.3.1、2026年3月1日。",
            "说明：性别填 男 或 女，须与身份证号一致；身份证号请以文本格式填写（18 位，末位可为 X）。",
            "说明：职称系列填系列名称（如 工程技术）或代码（如 ENGINEERING），须在本单位有效备案内（R23）。",
            "说明：职称层级填 正高级、副高级、中级、助理级 或 员级；从事专业为空时与专业相同。",
            "说明：聘用日期早于本单位该系列首次备案的为补录（R26），仅聘期未满的可补录。",
            "说明：报备日期、备案文号可空；证书照片在上传后逐条上传。"
        };
        for (String note : notes) {
            int row = sheet.rowCount();
            sheet.row(Style.TEXT, note).merge(row, 0, row, AppointmentColumn.values().length - 1);
        }
        return sheet.toBytes();
    }

    /**
     * The record rows of the sheet, once its first row holds exactly the template's headers (in any order);
     * refused with WRONG_COLUMNS naming the missing and unexpected ones.
     */
    public static Rows rows(XlsxReader.Sheet sheet) {
        if (sheet.rows().isEmpty()) {
            throw empty();
        }
        XlsxReader.Row header = sheet.rows().get(0);
        Map<String, AppointmentColumn> byHeader = new HashMap<>();
        for (AppointmentColumn column : AppointmentColumn.values()) {
            byHeader.put(column.header(), column);
        }
        Map<AppointmentColumn, Integer> columns = new EnumMap<>(AppointmentColumn.class);
        Set<String> unexpected = new LinkedHashSet<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String text = text(header.cell(i));
            if (text == null) {
                continue;
            }
            AppointmentColumn column = byHeader.get(text);
            if (column == null || columns.containsKey(column)) {
                unexpected.add(text);
            } else {
                columns.put(column, i);
            }
        }
        List<String> missing = Arrays.stream(AppointmentColumn.values()).filter(c -> !columns.containsKey(c))
                .map(AppointmentColumn::header).toList();
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw Problem.of(422, "WRONG_COLUMNS", "Not the appointment template",
                    "The first row must hold the template's headers: missing " + missing + ", unexpected "
                            + unexpected + ". Download the template and keep its header row.")
                    .with("missing", missing).with("unexpected", List.copyOf(unexpected));
        }
        int name = columns.get(AppointmentColumn.NAME);
        List<XlsxReader.Row> records = sheet.rows().subList(1, sheet.rows().size()).stream()
                .filter(row -> !templateRow(text(row.cell(name)))).toList();
        if (records.isEmpty()) {
            throw empty();
        }
        return new Rows(records, columns);
    }

    private static Problem empty() {
        return Problem.of(422, "EMPTY_SHEET", "No records in the sheet",
                "The first worksheet has no appointment records below its header row.");
    }

    private static boolean templateRow(String name) {
        return name != null && TEMPLATE_ROW_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** A sheet row as a draft: every cell read, every one that cannot be read reported. */
    public static Draft draft(XlsxReader.Row row, Map<AppointmentColumn, Integer> columns,
            Map<String, Series> seriesByNameOrCode) {
        Reader cells = new Reader(row, columns);
        String seriesText = cells.text(AppointmentColumn.SERIES);
        Series series = null;
        if (seriesText != null) {
            series = seriesByNameOrCode.get(seriesText);
            if (series == null) {
                series = seriesByNameOrCode.get(seriesText.toUpperCase(Locale.ROOT));
            }
            if (series == null) {
                cells.problem(AppointmentColumn.SERIES, "UNKNOWN_SERIES", "No title series is named or coded '"
                        + seriesText + "'; use a name from the national list, such as 工程技术.");
            }
        }
        return new Draft(cells.text(AppointmentColumn.NAME), cells.text(AppointmentColumn.ID_NUMBER), cells.sex(),
                series, cells.text(AppointmentColumn.SPECIALTY), cells.text(AppointmentColumn.PRACTISED_SPECIALTY),
                cells.level(), cells.text(AppointmentColumn.POST), cells.date(AppointmentColumn.APPOINTED_ON),
                cells.date(AppointmentColumn.TERM_STARTS_ON), cells.date(AppointmentColumn.TERM_ENDS_ON),
                cells.text(AppointmentColumn.COMMITTEE_NAME), cells.text(AppointmentColumn.PUBLICATION_NUMBER),
                cells.date(AppointmentColumn.REPORTED_ON), cells.text(AppointmentColumn.REPORT_REFERENCE),
                cells.unreadable, cells.problems);
    }

    /** The upload report as a sheet: one row per record row, its outcome and problems. */
    public static byte[] report(UploadReport report) {
        XlsxWriter sheet = new XlsxWriter("导入结果").widths(8, 16, 14, 22, 80)
                .row(Style.TITLE, report.fileName() + "：共 " + report.rowCount() + " 行，导入 " + report.accepted()
                        + " 行，未导入 " + report.refused() + " 行，已有记录 " + report.alreadyRecorded() + " 行")
                .merge(0, 0, 0, 4)
                .row(Style.HEADER, "行号", "结果", "姓名", "身份证号", "问题");
        for (UploadReport.RowReport row : report.rows()) {
            StringBuilder problems = new StringBuilder();
            for (RowProblem problem : row.problems()) {
                problems.append(problems.isEmpty() ? "" : "；").append(problem.column() == null ? ""
                        : problem.column() + "：").append(problem.code()).append(" ").append(problem.message());
            }
            sheet.row(Style.CELL, row.row(), outcomeZh(row.outcome()), row.name(), row.idNumberMasked(),
                    problems.toString());
        }
        return sheet.toBytes();
    }

    private static String outcomeZh(String outcome) {
        return switch (outcome) {
            case UploadReport.ACCEPTED -> "已导入";
            case UploadReport.ALREADY_RECORDED -> "已有记录";
            default -> "未导入";
        };
    }

    /** A cell as text: strings trimmed, numbers without a trailing .0, booleans as written; blank is null. */
    static String text(Object cell) {
        if (cell == null) {
            return null;
        }
        String text = cell instanceof Double number ? BigDecimal.valueOf(number).stripTrailingZeros().toPlainString()
                : cell.toString();
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    /** Reads the cells of one row, collecting what cannot be read. */
    private static final class Reader {

        private final XlsxReader.Row row;
        private final Map<AppointmentColumn, Integer> columns;
        private final Set<AppointmentColumn> unreadable = EnumSet.noneOf(AppointmentColumn.class);
        private final List<RowProblem> problems = new ArrayList<>();

        Reader(XlsxReader.Row row, Map<AppointmentColumn, Integer> columns) {
            this.row = row;
            this.columns = columns;
        }

        Object cell(AppointmentColumn column) {
            return row.cell(columns.get(column));
        }

        String text(AppointmentColumn column) {
            return AppointmentSheet.text(cell(column));
        }

        void problem(AppointmentColumn column, String code, String message) {
            unreadable.add(column);
            problems.add(RowProblem.of(column, code, message));
        }

        Sex sex() {
            String text = text(AppointmentColumn.SEX);
            if (text == null) {
                return null;
            }
            return switch (text.toUpperCase(Locale.ROOT)) {
                case "男", "男性", "MALE" -> Sex.MALE;
                case "女", "女性", "FEMALE" -> Sex.FEMALE;
                default -> {
                    problem(AppointmentColumn.SEX, "SEX_MISMATCH", "性别 is 男 or 女, not '" + text + "'.");
                    yield null;
                }
            };
        }

        TitleLevel level() {
            String text = text(AppointmentColumn.LEVEL);
            if (text == null) {
                return null;
            }
            for (TitleLevel level : TitleLevel.values()) {
                if (level.nameZh().equals(text) || level.name().equalsIgnoreCase(text)) {
                    return level;
                }
            }
            problem(AppointmentColumn.LEVEL, "UNKNOWN_LEVEL", "职称层级 is one of 正高级, 副高级, 中级, 助理级, 员级; not '"
                    + text + "'.");
            return null;
        }

        LocalDate date(AppointmentColumn column) {
            Object cell = cell(column);
            if (cell instanceof Double serial) {
                try {
                    return XlsxReader.dateOf(serial);
                } catch (IllegalArgumentException e) {
                    problem(column, "INVALID_DATE", column.header() + " is not a date: " + AppointmentSheet.text(cell) + ".");
                    return null;
                }
            }
            String text = AppointmentSheet.text(cell);
            if (text == null) {
                return null;
            }
            Matcher matcher = DATE.matcher(text);
            if (matcher.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                            Integer.parseInt(matcher.group(3)));
                } catch (DateTimeException e) {
                    // a day that does not exist, such as 2026-02-30: reported below
                }
            }
            problem(column, "INVALID_DATE", column.header() + " '" + text + "' is not a date; write it as "
                    + "2026-03-01, 2026/3/1, 2026.3.1 or 2026年3月1日, or as an Excel date.");
            return null;
        }
    }
}
