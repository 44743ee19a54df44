package cn.zhicheng.core.deadline;

import cn.zhicheng.core.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How long before its due date a deadline is reminded of: a number of working days (R32) or of calendar days. A
 * kind declares its leads; each lead reminds once, so a deadline reminded at 30 and at 7 days gets two reminders.
 */
public record ReminderLead(int days, DayType dayType) {

    /** The usual reminder: 2 working days before the due date (R32). */
    public static final ReminderLead TWO_WORKING_DAYS = workingDays(2);

    public ReminderLead {
        if (days < 1 || dayType == DayType.FIXED) {
            throw new IllegalArgumentException("a reminder lead is at least one working or calendar day");
        }
    }

    public static ReminderLead workingDays(int days) {
        return new ReminderLead(days, DayType.WORKING);
    }

    public static ReminderLead calendarDays(int days) {
        return new ReminderLead(days, DayType.CALENDAR);
    }

    /** Stored with the reminder so that each lead reminds once: {@code 2WD}, {@code 30D}. */
    public String code() {
        return days + (dayType == DayType.WORKING ? "WD" : "D");
    }

    /** The latest due date this lead reminds of on the given day. */
    public LocalDate horizon(WorkingDayCalendar calendar, LocalDate today) {
        return dayType == DayType.WORKING ? calendar.plusWorkingDays(today, days) : today.plusDays(days);
    }

    /**
     * The lead a deadline due on {@code due} is reminded by today: the nearest one already reached, so a deadline
     * attached late gets the reminder that fits rather than every earlier one at once. Empty when none is reached
     * yet or the due date has passed.
     */
    public static Optional<ReminderLead> reached(List<ReminderLead> leads, WorkingDayCalendar calendar,
            LocalDate today, LocalDate due) {
        if (due.isBefore(today)) {
            return Optional.empty();
        }
        return leads.stream().filter(lead -> !due.isAfter(lead.horizon(calendar, today)))
                .min(Comparator.comparing(lead -> lead.horizon(calendar, today)));
    }
}
