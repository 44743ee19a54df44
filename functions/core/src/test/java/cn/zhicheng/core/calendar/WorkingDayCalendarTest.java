package cn.zhicheng.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.of(ShippedCalendars.load());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "R32: {0} + {1} working days = {2}")
    @CsvSource({
        "2026-09-28, 10, 2026-10-16", // across 中秋/国庆 2026, counting Saturday 10-10
        "2026-09-28, 0, 2026-09-28",
        "2025-01-24, 1, 2025-01-26", // Friday → the adjusted Sunday before 春节 2025
        "2025-01-24, 2, 2025-01-27",
        "2025-01-27, 1, 2025-02-05", // 春节 2025 runs 01-28..02-04
        "2025-02-07, 1, 2025-02-08", // the adjusted Saturday after 春节 2025
        "2026-02-13, 1, 2026-02-14", // the adjusted Saturday before 春节 2026
        "2026-02-13, 2, 2026-02-24", // 春节 2026 runs 02-15..02-23
        "2026-02-27, 1, 2026-02-28",
        "2025-09-30, 1, 2025-10-09", // 中秋节、国庆节 2025 runs 10-01..10-08
        "2025-09-26, 1, 2025-09-28", // the adjusted Sunday before it
        "2025-10-09, 2, 2025-10-11", // Thursday, Friday, then the adjusted Saturday
        "2026-09-18, 1, 2026-09-20",
        "2026-09-24, 1, 2026-09-28", // 中秋节 2026 runs 09-25..09-27
        "2026-03-02, 10, 2026-03-16", // nothing declared in between: plain weeks
        "2025-12-31, 1, 2026-01-04", // 元旦 2026 runs 01-01..01-03, then the adjusted Sunday 01-04 counts
        "2025-12-31, 2, 2026-01-05",
    })
    void R32_plusWorkingDaysFollowsTheOfficialCalendar(LocalDate start, int n, LocalDate due) {
        assertEquals(due, CALENDAR.plusWorkingDays(start, n));
        assertEquals(n, CALENDAR.workingDaysBetween(start, due));
    }

    @ParameterizedTest(name = "R32: {0} is a working day: {1}")
    @CsvSource({
        "2025-01-01, false", // 元旦 on a Wednesday
        "2025-01-28, false", // 春节 on a Tuesday
        "2025-10-08, false", // 中秋节、国庆节 on a Wednesday
        "2026-02-23, false", // 春节 on a Monday
        "2026-09-25, false", // 中秋节 on a Friday
        "2026-10-01, false",
        "2025-01-26, true", // Sunday 调休
        "2025-02-08, true", // Saturday 调休
        "2025-04-27, true",
        "2026-01-04, true",
        "2026-02-14, true",
        "2026-10-10, true",
        "2026-03-07, false", // ordinary Saturday
        "2026-03-08, false", // ordinary Sunday
        "2026-03-09, true", // ordinary Monday
        "2026-04-04, false", // 清明节 on a Saturday stays a day off
    })
    void R32_holidaysAreOffAndAdjustedWeekendDaysAreOn(LocalDate date, boolean working) {
        assertEquals(working, CALENDAR.isWorkingDay(date));
    }

    @Test
    void R32_explanationAcrossNationalDay2026() {
        Explanation explanation = CALENDAR.explain(d("2026-09-28"), 10);
        assertEquals(d("2026-10-16"), explanation.due());
        assertFalse(explanation.provisional());
        assertEquals(List.of(new Explanation.Span(d("2026-10-01"), d("2026-10-07"), "国庆节")),
                explanation.skippedHolidays());
        assertEquals(List.of(new CalendarDay(d("2026-10-10"), DayKind.WORKDAY, "国庆节调休上班")),
                explanation.countedAdjustedDays());
        assertEquals("10 working days from 2026-09-28: skips 10-01..10-07 National Day holiday, "
                + "counts 10-10 adjusted working day → 2026-10-16", explanation.inEnglish());
        assertEquals("自 2026-09-28 起 10 个工作日：跳过 10-01 至 10-07 国庆节假期，计入 10-10 调休上班日 → 2026-10-16",
                explanation.inChinese());
    }

    @Test
    void R32_explanationWithNothingDeclaredIsPlain() {
        Explanation explanation = CALENDAR.explain(d("2026-03-02"), 10);
        assertEquals("10 working days from 2026-03-02 → 2026-03-16", explanation.inEnglish());
        assertEquals("自 2026-03-02 起 10 个工作日 → 2026-03-16", explanation.inChinese());
    }

    @Test
    void R32_explanationGroupsSpansByNameAndListsSeveral() {
        // 2026-09-18 + 10: 09-20 (Sun) counts; 中秋节 09-25..27 and 国庆节 10-01..07 are separate spans
        Explanation explanation = CALENDAR.explain(d("2026-09-18"), 10);
        assertEquals(d("2026-10-09"), explanation.due());
        assertEquals(List.of(
                new Explanation.Span(d("2026-09-25"), d("2026-09-27"), "中秋节"),
                new Explanation.Span(d("2026-10-01"), d("2026-10-07"), "国庆节")), explanation.skippedHolidays());
        assertEquals("10 working days from 2026-09-18: skips 09-25..09-27 Mid-Autumn Festival holiday, "
                + "10-01..10-07 National Day holiday, counts 09-20 adjusted working day → 2026-10-09",
                explanation.inEnglish());
        assertEquals("自 2026-09-18 起 10 个工作日：跳过 09-25 至 09-27 中秋节假期、10-01 至 10-07 国庆节假期，"
                + "计入 09-20 调休上班日 → 2026-10-09", explanation.inChinese());
    }

    @Test
    void R32_explanationAcrossTheYearUsesFullDatesAndCombinedName() {
        Explanation explanation = CALENDAR.explain(d("2025-09-30"), 70);
        assertEquals("70 working days from 2025-09-30: skips 10-01..10-08 Mid-Autumn Festival and National Day "
                + "holiday, 2026-01-01..2026-01-03 New Year's Day holiday, counts 10-11 adjusted working day, "
                + "2026-01-04 adjusted working day → " + explanation.due(), explanation.inEnglish());
        assertEquals(70, CALENDAR.workingDaysBetween(d("2025-09-30"), explanation.due()));
    }

    @Test
    void R32_singleHolidayDayPrintsOneDateAndOneDayIsSingular() {
        Explanation explanation = CALENDAR.explain(d("2024-12-31"), 1);
        assertEquals(d("2025-01-02"), explanation.due());
        assertEquals("1 working day from 2024-12-31: skips 2025-01-01 New Year's Day holiday → 2025-01-02"
                + " (provisional: the 2024 schedule is not published yet)", explanation.inEnglish());
    }

    @Test
    void R32_dueDateInAnUnpublishedYearIsProvisional() {
        Explanation explanation = CALENDAR.explain(d("2026-12-28"), 5);
        assertEquals(d("2027-01-04"), explanation.due());
        assertTrue(explanation.provisional());
        assertEquals(List.of(2027), explanation.unpublishedYears());
        assertEquals("5 working days from 2026-12-28 → 2027-01-04 (provisional: the 2027 schedule is not published yet)",
                explanation.inEnglish());
        assertEquals("自 2026-12-28 起 5 个工作日 → 2027-01-04（暂定：2027 年节假日安排尚未公布）",
                explanation.inChinese());
        assertTrue(CALENDAR.provisional(d("2026-12-28"), d("2027-01-04")));
        assertFalse(CALENDAR.provisional(d("2025-01-02"), d("2026-12-31")));
        assertTrue(CALENDAR.isPublished(2025));
        assertTrue(CALENDAR.isPublished(2026));
        assertFalse(CALENDAR.isPublished(2027));
    }

    @Test
    void R32_severalUnpublishedYearsAreAllNamed() {
        Explanation explanation = CALENDAR.explain(d("2026-12-31"), 300);
        assertEquals(List.of(2027, 2028), explanation.unpublishedYears());
        assertTrue(explanation.inEnglish().endsWith("(provisional: the 2027 and 2028 schedules are not published yet)"));
        assertTrue(explanation.inChinese().endsWith("（暂定：2027、2028 年节假日安排尚未公布）"));
    }

    @Test
    void R32_anUnpublishedYearHasPlainWeekends() {
        // 2027 is not entered: 10-01 is an ordinary Friday, the weekend is off
        assertTrue(CALENDAR.isWorkingDay(d("2027-10-01")));
        assertFalse(CALENDAR.isWorkingDay(d("2027-10-02")));
        assertEquals(d("2027-10-04"), CALENDAR.plusWorkingDays(d("2027-09-30"), 2));
        WorkingDayCalendar empty = new WorkingDayCalendar(Map.of(), Set.of());
        assertEquals(d("2026-10-07"), empty.plusWorkingDays(d("2026-09-28"), 7));
        assertTrue(empty.provisional(d("2026-09-28"), d("2026-10-07")));
    }

    @Test
    void R32_zeroAndNegativeCounts() {
        assertEquals(d("2026-10-03"), CALENDAR.plusWorkingDays(d("2026-10-03"), 0));
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.plusWorkingDays(d("2026-10-03"), -1));
        assertEquals(0, CALENDAR.workingDaysBetween(d("2026-10-16"), d("2026-09-28")));
        assertEquals(0, CALENDAR.workingDaysBetween(d("2026-10-16"), d("2026-10-16")));
        Explanation none = CALENDAR.explain(d("2026-10-03"), 0);
        assertEquals("0 working days from 2026-10-03 → 2026-10-03", none.inEnglish());
    }

    @Test
    void R32_unknownHolidayNamesPrintAsGiven() {
        WorkingDayCalendar calendar = new WorkingDayCalendar(
                Map.of(d("2026-03-10"), new CalendarDay(d("2026-03-10"), DayKind.HOLIDAY, "地方假日")), Set.of(2026));
        assertEquals("1 working day from 2026-03-09: skips 03-10 地方假日 holiday → 2026-03-11",
                calendar.explain(d("2026-03-09"), 1).inEnglish());
    }

    @Test
    void R32_aKeyThatDisagreesWithItsDayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WorkingDayCalendar(
                Map.of(d("2026-03-10"), new CalendarDay(d("2026-03-11"), DayKind.HOLIDAY, "x")), Set.of()));
    }

    @Test
    void R32_countingFarAheadStaysConsistent() {
        LocalDate due = CALENDAR.plusWorkingDays(d("2025-01-01"), 10_000);
        assertEquals(10_000, CALENDAR.workingDaysBetween(d("2025-01-01"), due));
        assertTrue(CALENDAR.isWorkingDay(due));
    }
}
