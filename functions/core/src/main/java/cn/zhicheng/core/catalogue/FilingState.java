package cn.zhicheng.core.catalogue;

/**
 * R22: where a series filing stands. SUBMITTED goes to APPROVED or RETURNED; a returned filing is corrected and
 * SUBMITTED again. An approved filing ends EXPIRED (3 years passed), RENEWED (a renewal was approved) or CANCELLED
 * (the unit stopped evaluating the series, or the HR bureau struck it from the catalogue).
 */
public enum FilingState {
    SUBMITTED,
    RETURNED,
    APPROVED,
    EXPIRED,
    RENEWED,
    CANCELLED
}
