package cn.zhicheng.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one-year calendar file the HR bureau imports and exports: comments, "# source:", header, date,kind,name (R32). */
public final class CalendarFile {

    public static final String HEADER = "date,kind,name";
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    /** File-level problems (no source, no entries) are reported against line 1, where a reader starts looking. */
    private static final int FILE_LINE = 1;

    // strict: "2026-02-30" must be refused rather than quietly become 2026-02-28
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SOURCE = Pattern.compile("^#\\s*source\\s*[:：](.*)$", Pattern.CASE_INSENSITIVE);

    /** A file that parsed cleanly: its year, the notice it comes from and its days in date order. */
    public record Parsed(int year, String source, List<CalendarDay> days) {

        public Parsed {
            days = List.copyOf(days);
        }
    }

    /** One problem, on a 1-based line number as an editor shows it. */
    public record LineError(int line, String message) {
    }

    private CalendarFile() {
    }

    /** Parses a whole file; any problem refuses all of it, naming every bad line, so nothing is half-imported. */
    public static Parsed parse(String text) {
        if (text == null) {
            text = "";
        }
        // Windows editors save UTF-8 with a byte-order mark
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        List<LineError> errors = new ArrayList<>();
        String source = null;
        boolean headerSeen = false;
        boolean anyData = false;
        Map<LocalDate, Integer> lineOfDate = new HashMap<>();
        List<CalendarDay> days = new ArrayList<>();
        Integer year = null;
        boolean mixedReported = false;

        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher m = SOURCE.matcher(line);
                if (source == null && m.matches() && !m.group(1).isBlank()) {
                    source = m.group(1).strip();
                }
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                if (isHeader(line)) {
                    continue;
                }
                errors.add(new LineError(lineNo, "the first line after the comments must be the header \""
                        + HEADER + "\""));
                // a data line in the header's place is still checked, so its own problems show up too
                if (!looksLikeData(line)) {
                    continue;
                }
            }
            anyData = true;
            List<String> fields = splitFields(line);
            if (fields == null) {
                errors.add(new LineError(lineNo, "a quoted field is not closed"));
                continue;
            }
            if (fields.size() != 3) {
                errors.add(new LineError(lineNo, "expected 3 fields (date,kind,name), found " + fields.size()));
                continue;
            }
            LocalDate date = parseDate(fields.get(0), lineNo, errors);
            DayKind kind = parseKind(fields.get(1), lineNo, errors);
            String name = fields.get(2);
            if (name.isEmpty()) {
                errors.add(new LineError(lineNo, "the name is empty"));
            }
            if (date != null) {
                Integer earlier = lineOfDate.putIfAbsent(date, lineNo);
                if (earlier != null) {
                    errors.add(new LineError(lineNo, date + " is already listed on line " + earlier));
                }
                if (year == null) {
                    year = date.getYear();
                } else if (year != date.getYear() && !mixedReported) {
                    mixedReported = true;
                    errors.add(new LineError(lineNo, "the file mixes years " + Math.min(year, date.getYear())
                            + " and " + Math.max(year, date.getYear()) + "; import one year per file"));
                }
                // R32: 调休 only ever turns a weekend day into a working day; a weekday already is one
                if (kind == DayKind.WORKDAY && !isWeekend(date)) {
                    errors.add(new LineError(lineNo, date
                            + " is a weekday; an adjusted working day must be a Saturday or Sunday"));
                }
            }
            if (date != null && kind != null && !name.isEmpty()) {
                days.add(new CalendarDay(date, kind, name));
            }
        }
        if (source == null) {
            errors.add(new LineError(FILE_LINE,
                    "the source is missing; add a comment line \"# source: <the notice the schedule comes from>\""));
        }
        if (!headerSeen) {
            errors.add(new LineError(lines.isEmpty() ? FILE_LINE : lines.size(),
                    "the header \"" + HEADER + "\" is missing"));
        }
        if (!anyData) {
            errors.add(new LineError(FILE_LINE, "the file lists no dates"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(LineError::line));
            throw new CalendarFileException(errors);
        }
        days.sort(Comparator.comparing(CalendarDay::date));
        return new Parsed(year, source, days);
    }

    /** Renders one year in the import format, sorted by date, so an export imports back unchanged. */
    public static String write(int year, String source, List<CalendarDay> days) {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(year).append(" official holiday schedule (R32)\n");
        text.append("# source: ").append(oneLine(source == null ? "" : source)).append('\n');
        text.append(HEADER).append('\n');
        days.stream().sorted(Comparator.comparing(CalendarDay::date)).forEach(day -> text
                .append(day.date().format(DATE)).append(',')
                .append(day.kind().name()).append(',')
                .append(field(oneLine(day.name()).strip())).append('\n'));
        return text.toString();
    }

    private static boolean isHeader(String line) {
        List<String> fields = splitFields(line);
        return fields != null && fields.size() == 3
                && fields.get(0).equalsIgnoreCase("date")
                && fields.get(1).equalsIgnoreCase("kind")
                && fields.get(2).equalsIgnoreCase("name");
    }

    private static boolean looksLikeData(String line) {
        return !line.isEmpty() && Character.isDigit(line.charAt(0));
    }

    private static LocalDate parseDate(String text, int lineNo, List<LineError> errors) {
        LocalDate date;
        try {
            date = LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            errors.add(new LineError(lineNo, "\"" + text + "\" is not a date; write it as YYYY-MM-DD"));
            return null;
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            errors.add(new LineError(lineNo, date + " is out of range; the year must be "
                    + FIRST_YEAR + ".." + LAST_YEAR));
            return null;
        }
        return date;
    }

    private static DayKind parseKind(String text, int lineNo, List<LineError> errors) {
        try {
            return DayKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new LineError(lineNo, "unknown kind \"" + text + "\"; expected HOLIDAY or WORKDAY"));
            return null;
        }
    }

    /** Comma-separated, trimmed fields; a field may be double-quoted ("" inside for a quote). Null if a quote is open. */
    private static List<String> splitFields(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            StringBuilder field = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (!closed) {
                    return null;
                }
                // anything between the closing quote and the next comma is kept, as spreadsheet tools do
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString().strip());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** Quotes a name only when it needs it, so ordinary files stay plain. */
    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String oneLine(String value) {
        // a line break inside a value would split the record in two on import
        return value.replaceAll("[\\r\\n]+", " ");
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
