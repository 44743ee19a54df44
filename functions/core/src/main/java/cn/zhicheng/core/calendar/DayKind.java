package cn.zhicheng.core.calendar;

/** What the official calendar declares about a day that differs from the plain Monday–Friday week (R32). */
public enum DayKind {
    /** 法定节假日/放假: a day off, even when it falls on a weekday. */
    HOLIDAY,
    /** 调休上班: a Saturday or Sunday declared a working day. */
    WORKDAY
}
