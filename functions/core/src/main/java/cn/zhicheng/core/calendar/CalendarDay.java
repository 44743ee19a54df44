package cn.zhicheng.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** One day of the official schedule: a holiday or an adjusted working day, with its name from the notice (R32). */
public record CalendarDay(LocalDate date, DayKind kind, String name) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
