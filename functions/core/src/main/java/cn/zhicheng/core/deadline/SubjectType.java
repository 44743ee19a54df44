package cn.zhicheng.core.deadline;

/** What a deadline is about; the subject id names one of these. */
public enum SubjectType {
    APPLICATION,
    MEETING,
    NOTICE,
    OBJECTION,
    FILING,
    COMMITTEE,
    WINDOW,
    ROUND,
    SPOT_CHECK_REQUEST,
    /** R29: an issuer's annual report of the certificates it issued. */
    ISSUANCE_REPORT,
    /** R22: a self-evaluating unit's filing of a series. */
    SERIES_FILING,
    /** R25: a self-evaluating unit's appointment record. */
    APPOINTMENT
}
