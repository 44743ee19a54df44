package cn.zhicheng.core.application;

/** States of an application on the committee route (DESIGN.md, "Application states"). */
public enum ApplicationState {
    DRAFT,
    SUBMITTED,
    UNIT_PUBLICITY,
    RECOMMENDED,
    VETTED,
    ACCEPTED,
    UNDER_REVIEW,
    PASSED,
    FAILED,
    RESULT_PUBLICITY,
    FILED,
    CERTIFIED,
    WITHDRAWN,
    VOID,
    REVOKED;

    /** No transition leaves a final state. A FAILED application is not final: fraud found later still voids it (R20). */
    public boolean isFinal() {
        return this == WITHDRAWN || this == VOID || this == REVOKED;
    }
}
