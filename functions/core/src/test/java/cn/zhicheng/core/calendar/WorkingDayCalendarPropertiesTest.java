package cn.zhicheng.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class WorkingDayCalendarPropertiesTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.of(ShippedCalendars.load());
    private static final LocalDate FIRST = LocalDate.of(2024, 12, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 12, 31);

    @Provide
    Arbitrary<LocalDate> starts() {
        // around and inside both shipped years, so every holiday and 调休 day is crossed
        return Arbitraries.longs().between(FIRST.toEpochDay(), LAST.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    @Property(tries = 2000)
    void R32_countingBackGivesTheSameNumber(@ForAll("starts") LocalDate start, @ForAll @IntRange(max = 400) int n) {
        assertEquals(n, CALENDAR.workingDaysBetween(start, CALENDAR.plusWorkingDays(start, n)));
    }

    @Property(tries = 2000)
    void R32_theDueDateIsAWorkingDayNeverAHoliday(@ForAll("starts") LocalDate start,
            @ForAll @IntRange(min = 1, max = 400) int n) {
        LocalDate due = CALENDAR.plusWorkingDays(start, n);
        assertTrue(CALENDAR.isWorkingDay(due), due + " is not a working day");
        CalendarDay declared = CALENDAR.days().get(due);
        if (declared != null) {
            assertNotEquals(DayKind.HOLIDAY, declared.kind(), due + " is a holiday");
        }
    }

    @Property(tries = 1000)
    void R32_moreWorkingDaysEndLater(@ForAll("starts") LocalDate start, @ForAll @IntRange(max = 400) int n,
            @ForAll @IntRange(min = 1, max = 400) int more) {
        assertTrue(CALENDAR.plusWorkingDays(start, n).isBefore(CALENDAR.plusWorkingDays(start, n + more)));
    }

    @Property(tries = 2000)
    void R32_oneMoreWorkingDayIsTheNextWorkingDay(@ForAll("starts") LocalDate start,
            @ForAll @IntRange(max = 400) int n) {
        LocalDate due = CALENDAR.plusWorkingDays(start, n);
        LocalDate next = CALENDAR.plusWorkingDays(start, n + 1);
        for (LocalDate day = due.plusDays(1); day.isBefore(next); day = day.plusDays(1)) {
            assertTrue(!CALENDAR.isWorkingDay(day), day + " between " + due + " and " + next + " is a working day");
        }
        assertTrue(CALENDAR.isWorkingDay(next));
        assertEquals(next, CALENDAR.plusWorkingDays(due, 1));
    }

    @Property(tries = 1000)
    void R32_explanationAgreesWithTheCalendar(@ForAll("starts") LocalDate start, @ForAll @IntRange(max = 400) int n) {
        Explanation explanation = CALENDAR.explain(start, n);
        assertEquals(CALENDAR.plusWorkingDays(start, n), explanation.due());
        assertEquals(CALENDAR.provisional(start, explanation.due()), explanation.provisional());
        for (Explanation.Span span : explanation.skippedHolidays()) {
            for (LocalDate day = span.from(); !day.isAfter(span.to()); day = day.plusDays(1)) {
                assertTrue(day.isAfter(start) && !day.isAfter(explanation.due()));
                assertEquals(DayKind.HOLIDAY, CALENDAR.days().get(day).kind());
            }
        }
    }
}
