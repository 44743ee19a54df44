package cn.zhicheng.core.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.calendar.ShippedCalendars;
import cn.zhicheng.core.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which reminder a deadline gets on a day: the nearest lead reached (R22, R32). */
class ReminderLeadTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.of(ShippedCalendars.load());
    private static final List<ReminderLead> FILING = DeadlineKind.SERIES_FILING_RENEWAL.reminders();

    private static Optional<String> reached(List<ReminderLead> leads, String today, String due) {
        return ReminderLead.reached(leads, CALENDAR, LocalDate.parse(today), LocalDate.parse(due))
                .map(ReminderLead::code);
    }

    @Test
    void R22_aFilingsDeadlinesAreRemindedThirtyAndSevenDaysAheadAndAsUsual() {
        assertEquals(List.of("30D", "7D", "2WD"), FILING.stream().map(ReminderLead::code).toList());
        assertEquals(FILING, DeadlineKind.SERIES_FILING_EXPIRY.reminders());
        assertEquals(Optional.empty(), reached(FILING, "2026-03-30", "2026-04-30"));
        assertEquals(Optional.of("30D"), reached(FILING, "2026-03-31", "2026-04-30"));
        assertEquals(Optional.of("30D"), reached(FILING, "2026-04-22", "2026-04-30"));
        assertEquals(Optional.of("7D"), reached(FILING, "2026-04-23", "2026-04-30"));
        // Thursday 04-30: two working days ahead is Tuesday 04-28
        assertEquals(Optional.of("2WD"), reached(FILING, "2026-04-28", "2026-04-30"));
        assertEquals(Optional.empty(), reached(FILING, "2026-05-01", "2026-04-30"));
    }

    @Test
    void R32_otherDutiesAreRemindedTwoWorkingDaysAheadAndPeriodsNot() {
        assertEquals(List.of(ReminderLead.TWO_WORKING_DAYS), DeadlineKind.PASS_LIST.reminders());
        assertTrue(DeadlineKind.RESULT_NOTICE.reminders().isEmpty());
        // Tuesday 03-10 reaches Thursday 03-12, Monday 03-09 does not
        assertEquals(Optional.of("2WD"), reached(DeadlineKind.PASS_LIST.reminders(), "2026-03-10", "2026-03-12"));
        assertEquals(Optional.empty(), reached(DeadlineKind.PASS_LIST.reminders(), "2026-03-09", "2026-03-12"));
    }
}
