package cn.zhicheng.core.deadline;

/** How a deadline's days are counted: on the working-day calendar (R32), in plain calendar days, or a fixed date. */
public enum DayType {
    WORKING,
    CALENDAR,
    FIXED
}
