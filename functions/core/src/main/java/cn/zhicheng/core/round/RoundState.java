package cn.zhicheng.core.round;

/** Where a committee's review round stands after its meetings (R14-R16). */
public enum RoundState {
    /** Meetings are being held; results are not yet reported. */
    OPEN,
    /** R14: the pass list is with the HR bureau. */
    PASS_LIST_SUBMITTED,
    /** R14: approved; it may now be published. */
    APPROVED,
    /** R15: the result notice is running or has run. */
    NOTICE,
    /** R16: approval filing done. */
    FILED
}
