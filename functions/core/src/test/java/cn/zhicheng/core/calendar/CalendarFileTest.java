package cn.zhicheng.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarFileTest {

    private static final String HEAD = "# 2026 official holiday schedule (R32)\n"
            + "# source: 国务院办公厅关于2026年部分节假日安排的通知\n"
            + "date,kind,name\n";

    private static List<CalendarFile.LineError> errorsOf(String text) {
        return assertThrows(CalendarFileException.class, () -> CalendarFile.parse(text)).errors();
    }

    private static String shipped(int year) throws IOException {
        try (InputStream in = CalendarFileTest.class.getResourceAsStream("/calendar/" + year + ".csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long count(CalendarFile.Parsed parsed, DayKind kind) {
        return parsed.days().stream().filter(day -> day.kind() == kind).count();
    }

    @Test
    void R32_shipped2025ScheduleParses() {
        CalendarFile.Parsed parsed = ShippedCalendars.load().get(0);
        assertEquals(2025, parsed.year());
        assertEquals("国务院办公厅关于2025年部分节假日安排的通知", parsed.source());
        // 元旦 1 + 春节 8 + 清明节 3 + 劳动节 5 + 端午节 3 + 中秋节、国庆节 8
        assertEquals(28, count(parsed, DayKind.HOLIDAY));
        // 01-26, 02-08, 04-27, 09-28, 10-11
        assertEquals(5, count(parsed, DayKind.WORKDAY));
    }

    @Test
    void R32_shipped2026ScheduleParses() {
        CalendarFile.Parsed parsed = ShippedCalendars.load().get(1);
        assertEquals(2026, parsed.year());
        assertEquals("国务院办公厅关于2026年部分节假日安排的通知", parsed.source());
        // 元旦 3 + 春节 9 + 清明节 3 + 劳动节 5 + 端午节 3 + 中秋节 3 + 国庆节 7
        assertEquals(33, count(parsed, DayKind.HOLIDAY));
        // 01-04, 02-14, 02-28, 05-09, 09-20, 10-10
        assertEquals(6, count(parsed, DayKind.WORKDAY));
    }

    @Test
    void R32_shippedYearsAreTheListedOnesAndEveryAdjustedDayIsAWeekend() {
        List<CalendarFile.Parsed> all = ShippedCalendars.load();
        assertEquals(ShippedCalendars.SHIPPED_YEARS, all.stream().map(CalendarFile.Parsed::year).toList());
        for (CalendarFile.Parsed parsed : all) {
            for (CalendarDay day : parsed.days()) {
                if (day.kind() == DayKind.WORKDAY) {
                    DayOfWeek dow = day.date().getDayOfWeek();
                    assertTrue(dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY, day.toString());
                }
            }
        }
    }

    @Test
    void R32_shippedFilesAreExactlyWhatWriteProduces() throws IOException {
        for (CalendarFile.Parsed parsed : ShippedCalendars.load()) {
            assertEquals(shipped(parsed.year()), CalendarFile.write(parsed.year(), parsed.source(), parsed.days()));
        }
    }

    @Test
    void R32_writeThenParseRoundTrips() {
        for (CalendarFile.Parsed parsed : ShippedCalendars.load()) {
            List<CalendarDay> shuffled = new java.util.ArrayList<>(parsed.days());
            java.util.Collections.reverse(shuffled);
            assertEquals(parsed, CalendarFile.parse(CalendarFile.write(parsed.year(), parsed.source(), shuffled)));
        }
    }

    @Test
    void R32_namesWithCommasOrQuotesRoundTrip() {
        List<CalendarDay> days = List.of(
                new CalendarDay(LocalDate.of(2026, 3, 10), DayKind.HOLIDAY, "地方假日, 第一天"),
                new CalendarDay(LocalDate.of(2026, 3, 11), DayKind.HOLIDAY, "\"特别\"假日"));
        CalendarFile.Parsed parsed = CalendarFile.parse(CalendarFile.write(2026, "本地通知", days));
        assertEquals(new CalendarFile.Parsed(2026, "本地通知", days), parsed);
    }

    @Test
    void R32_bomCrlfBlankLinesSpacesAndLateCommentsAreAccepted() {
        String text = "\uFEFF# 2026\r\n# source:  国务院办公厅通知 \r\n\r\n date , kind , name \r\n"
                + " 2026-01-01 , holiday , 元旦 \r\n# a note\r\n\r\n2026-01-04,WORKDAY,元旦调休上班\r\n";
        CalendarFile.Parsed parsed = CalendarFile.parse(text);
        assertEquals(2026, parsed.year());
        assertEquals("国务院办公厅通知", parsed.source());
        assertEquals(List.of(
                new CalendarDay(LocalDate.of(2026, 1, 1), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2026, 1, 4), DayKind.WORKDAY, "元旦调休上班")), parsed.days());
    }

    @Test
    void R32_entriesComeBackSortedByDate() {
        CalendarFile.Parsed parsed = CalendarFile.parse(HEAD + "2026-01-03,HOLIDAY,元旦\n2026-01-01,HOLIDAY,元旦\n");
        assertEquals(LocalDate.of(2026, 1, 1), parsed.days().get(0).date());
    }

    @Test
    void R32_missingSourceIsRefused() {
        List<CalendarFile.LineError> errors = errorsOf("# 2026\ndate,kind,name\n2026-01-01,HOLIDAY,元旦\n");
        assertEquals(1, errors.size());
        assertEquals(1, errors.get(0).line());
        assertTrue(errors.get(0).message().contains("source"), errors.get(0).message());
        // a source comment with nothing after the colon is no source either
        assertEquals(1, errorsOf("# source:   \ndate,kind,name\n2026-01-01,HOLIDAY,元旦\n").size());
    }

    @Test
    void R32_wrongHeaderIsRefusedOnItsLine() {
        List<CalendarFile.LineError> errors = errorsOf("# source: x\n\ndatum,art,name\n2026-01-01,HOLIDAY,元旦\n");
        assertEquals(List.of(3), errors.stream().map(CalendarFile.LineError::line).toList());
        assertTrue(errors.get(0).message().contains("date,kind,name"));
    }

    @Test
    void R32_missingHeaderStillChecksTheDataLine() {
        List<CalendarFile.LineError> errors = errorsOf("# source: x\n2026-10-09,WORKDAY,国庆节调休上班\n");
        assertEquals(List.of(2, 2), errors.stream().map(CalendarFile.LineError::line).toList());
        assertTrue(errors.get(0).message().contains("header"));
        assertEquals("2026-10-09 is a weekday; an adjusted working day must be a Saturday or Sunday",
                errors.get(1).message());
    }

    @Test
    void R32_onlyCommentsHasNoHeaderAndNoEntries() {
        List<CalendarFile.LineError> errors = errorsOf("# source: x\n# nothing else\n");
        assertEquals(2, errors.size());
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("header")));
        assertTrue(errors.stream().anyMatch(e -> e.message().equals("the file lists no dates")));
    }

    @Test
    void R32_emptyTextReportsEverythingMissing() {
        List<CalendarFile.LineError> errors = errorsOf("");
        assertEquals(3, errors.size());
        assertTrue(errors.stream().allMatch(e -> e.line() == 1));
    }

    @Test
    void R32_headerWithoutEntriesIsRefused() {
        List<CalendarFile.LineError> errors = errorsOf(HEAD);
        assertEquals(List.of(new CalendarFile.LineError(1, "the file lists no dates")), errors);
    }

    @Test
    void R32_wrongNumberOfFields() {
        List<CalendarFile.LineError> errors = errorsOf(HEAD + "2026-01-01,HOLIDAY\n2026-01-02,HOLIDAY,元旦,extra\n");
        assertEquals(List.of(
                new CalendarFile.LineError(4, "expected 3 fields (date,kind,name), found 2"),
                new CalendarFile.LineError(5, "expected 3 fields (date,kind,name), found 4")), errors);
    }

    @Test
    void R32_badDates() {
        List<CalendarFile.LineError> errors = errorsOf(HEAD
                + "2026-02-30,HOLIDAY,春节\n2026/02/15,HOLIDAY,春节\n26-02-15,HOLIDAY,春节\n");
        assertEquals(List.of(4, 5, 6), errors.stream().map(CalendarFile.LineError::line).toList());
        assertEquals("\"2026-02-30\" is not a date; write it as YYYY-MM-DD", errors.get(0).message());
    }

    @Test
    void R32_datesOutOfRange() {
        List<CalendarFile.LineError> errors = errorsOf("# source: x\ndate,kind,name\n1999-01-01,HOLIDAY,元旦\n");
        assertEquals(List.of(new CalendarFile.LineError(3, "1999-01-01 is out of range; the year must be 2000..2100")),
                errors);
        assertEquals(3, errorsOf("# source: x\ndate,kind,name\n2101-01-01,HOLIDAY,元旦\n").get(0).line());
        assertEquals(2100, CalendarFile.parse("# source: x\ndate,kind,name\n2100-01-01,HOLIDAY,元旦\n").year());
        assertEquals(2000, CalendarFile.parse("# source: x\ndate,kind,name\n2000-01-01,HOLIDAY,元旦\n").year());
    }

    @Test
    void R32_unknownKind() {
        List<CalendarFile.LineError> errors = errorsOf(HEAD + "2026-01-01,放假,元旦\n");
        assertEquals(List.of(new CalendarFile.LineError(4, "unknown kind \"放假\"; expected HOLIDAY or WORKDAY")),
                errors);
    }

    @Test
    void R32_emptyName() {
        List<CalendarFile.LineError> errors = errorsOf(HEAD + "2026-01-01,HOLIDAY,  \n");
        assertEquals(List.of(new CalendarFile.LineError(4, "the name is empty")), errors);
    }

    @Test
    void R32_dateListedTwiceNamesTheOtherLine() {
        StringBuilder text = new StringBuilder(HEAD);
        for (int day = 1; day <= 7; day++) {
            text.append("2026-10-0").append(day).append(",HOLIDAY,国庆节\n");
        }
        text.append("\n# repeated below\n2026-10-01,HOLIDAY,国庆节\n");
        List<CalendarFile.LineError> errors = errorsOf(text.toString());
        assertEquals(List.of(new CalendarFile.LineError(13, "2026-10-01 is already listed on line 4")), errors);
    }

    @Test
    void R32_adjustedWorkingDayOnAWeekdayIsRefused() {
        List<CalendarFile.LineError> errors = errorsOf(HEAD + "2026-10-10,WORKDAY,国庆节调休上班\n"
                + "2026-10-09,WORKDAY,国庆节调休上班\n");
        assertEquals(List.of(new CalendarFile.LineError(5,
                "2026-10-09 is a weekday; an adjusted working day must be a Saturday or Sunday")), errors);
    }

    @Test
    void R32_mixedYearsAreRefusedOnce() {
        List<CalendarFile.LineError> errors = errorsOf(HEAD + "2026-12-31,HOLIDAY,x\n2027-01-01,HOLIDAY,元旦\n"
                + "2027-01-02,HOLIDAY,元旦\n");
        assertEquals(List.of(new CalendarFile.LineError(5,
                "the file mixes years 2026 and 2027; import one year per file")), errors);
    }

    @Test
    void R32_everyProblemIsReportedAndNothingIsReturned() {
        String text = "date,kind,name\n"            // 1 (and no source anywhere)
                + "2026-01-01,HOLIDAY,元旦\n"        // 2 fine
                + "2026-13-01,HOLIDAY,元旦\n"        // 3 bad date
                + "2026-01-02,HOLIDAY\n"             // 4 fields
                + "2026-01-03,HOLYDAY,元旦\n"        // 5 kind
                + "2026-01-01,HOLIDAY,元旦\n"        // 6 duplicate of 2
                + "2026-01-05,WORKDAY,元旦调休上班\n" // 7 Monday
                + "2027-01-01,HOLIDAY,\n";           // 8 mixed year and empty name
        List<CalendarFile.LineError> errors = errorsOf(text);
        assertEquals(List.of(1, 3, 4, 5, 6, 7, 8, 8), errors.stream().map(CalendarFile.LineError::line).toList());
        assertEquals("2026-01-01 is already listed on line 2", errors.get(4).message());
    }

    @Test
    void R32_unclosedQuoteIsRefused() {
        List<CalendarFile.LineError> errors = errorsOf(HEAD + "2026-01-01,HOLIDAY,\"元旦\n");
        assertEquals(List.of(new CalendarFile.LineError(4, "a quoted field is not closed")), errors);
    }

    @Test
    void R32_exceptionMessageNamesTheLines() {
        CalendarFileException e = assertThrows(CalendarFileException.class,
                () -> CalendarFile.parse(HEAD + "2026-01-01,HOLIDAY,\n"));
        assertEquals("line 4: the name is empty", e.getMessage());
    }
}
