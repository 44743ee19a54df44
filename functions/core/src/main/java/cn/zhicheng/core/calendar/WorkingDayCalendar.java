package cn.zhicheng.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** Working-day arithmetic on China's official calendar: weekends and holidays off, adjusted weekend days on (R32). */
public final class WorkingDayCalendar {

    /** 1970-01-05 (epoch day 4) is a Monday: the anchor for counting weekdays arithmetically. */
    private static final long MONDAY_EPOCH_DAY = 4;

    private final NavigableMap<LocalDate, CalendarDay> days;
    private final Set<Integer> publishedYears;

    public WorkingDayCalendar(Map<LocalDate, CalendarDay> days, Set<Integer> publishedYears) {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(publishedYears, "publishedYears");
        TreeMap<LocalDate, CalendarDay> copy = new TreeMap<>();
        days.forEach((date, day) -> {
            Objects.requireNonNull(day, "day");
            // a key that disagrees with its day would make lookups and explanations tell different stories
            if (!day.date().equals(date)) {
                throw new IllegalArgumentException("entry for " + date + " carries the date " + day.date());
            }
            copy.put(date, day);
        });
        this.days = Collections.unmodifiableNavigableMap(copy);
        this.publishedYears = Set.copyOf(publishedYears);
    }

    /** A calendar of the given parsed files, each of which counts as its year's published schedule. */
    public static WorkingDayCalendar of(Collection<CalendarFile.Parsed> files) {
        Map<LocalDate, CalendarDay> all = new HashMap<>();
        Set<Integer> years = new HashSet<>();
        for (CalendarFile.Parsed file : files) {
            years.add(file.year());
            file.days().forEach(day -> all.put(day.date(), day));
        }
        return new WorkingDayCalendar(all, years);
    }

    /** The declared days, ordered by date. */
    public NavigableMap<LocalDate, CalendarDay> days() {
        return days;
    }

    public Set<Integer> publishedYears() {
        return publishedYears;
    }

    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        CalendarDay day = days.get(date);
        if (day != null) {
            // R32: the notice overrides the weekday rule in both directions
            return day.kind() == DayKind.WORKDAY;
        }
        return !isWeekend(date);
    }

    /** The day on which the n-th working day after start falls; counting starts the day after start. */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0) {
            throw new IllegalArgumentException("a number of working days cannot be negative: " + n);
        }
        LocalDate date = start;
        int counted = 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** The number of working days in (from, to]; 0 when to is not after from. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return 0;
        }
        // counted arithmetically rather than by walking, so it also cross-checks plusWorkingDays in the tests
        long count = weekdaysUpTo(to) - weekdaysUpTo(from);
        for (CalendarDay day : days.subMap(from, false, to, true).values()) {
            boolean weekend = isWeekend(day.date());
            if (day.kind() == DayKind.HOLIDAY && !weekend) {
                count--;
            } else if (day.kind() == DayKind.WORKDAY && weekend) {
                count++;
            }
        }
        return Math.toIntExact(count);
    }

    public boolean isPublished(int year) {
        return publishedYears.contains(year);
    }

    /** True when a year in [from.year .. to.year] has no published schedule, so a deadline there may still move. */
    public boolean provisional(LocalDate from, LocalDate to) {
        return !unpublishedYears(from, to).isEmpty();
    }

    /** The years in [from.year .. to.year] whose schedule is not published, in ascending order. */
    public List<Integer> unpublishedYears(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        int first = Math.min(from.getYear(), to.getYear());
        int last = Math.max(from.getYear(), to.getYear());
        List<Integer> missing = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            if (!publishedYears.contains(year)) {
                missing.add(year);
            }
        }
        return List.copyOf(missing);
    }

    /** The due date of n working days from start, with the holidays skipped and adjusted days counted on the way. */
    public Explanation explain(LocalDate start, int n) {
        LocalDate due = plusWorkingDays(start, n);
        List<Explanation.Span> spans = new ArrayList<>();
        List<CalendarDay> adjusted = new ArrayList<>();
        LocalDate spanFrom = null;
        LocalDate spanTo = null;
        String spanName = null;
        for (CalendarDay day : days.subMap(start, false, due, true).values()) {
            if (day.kind() == DayKind.WORKDAY) {
                adjusted.add(day);
                continue;
            }
            boolean continues = spanTo != null && spanTo.plusDays(1).equals(day.date())
                    && spanName.equals(day.name());
            if (continues) {
                spanTo = day.date();
            } else {
                if (spanFrom != null) {
                    spans.add(new Explanation.Span(spanFrom, spanTo, spanName));
                }
                spanFrom = day.date();
                spanTo = day.date();
                spanName = day.name();
            }
        }
        if (spanFrom != null) {
            spans.add(new Explanation.Span(spanFrom, spanTo, spanName));
        }
        List<Integer> unpublished = unpublishedYears(start, due);
        return new Explanation(start, n, due, !unpublished.isEmpty(), spans, adjusted, unpublished);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    /** Mondays–Fridays from the anchor Monday up to and including date (negative before it; only differences matter). */
    private static long weekdaysUpTo(LocalDate date) {
        long daysInclusive = date.toEpochDay() - MONDAY_EPOCH_DAY + 1;
        return 5 * Math.floorDiv(daysInclusive, 7) + Math.min(Math.floorMod(daysInclusive, 7), 5);
    }
}
