package cn.zhicheng.core.calendar;

/** Fired synchronously after an entry is added or deleted or a year is imported, inside the same transaction. */
public record CalendarChanged(int year) {
}
