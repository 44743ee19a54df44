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

    /** No transition leaves a final state. */
    public boolean isFinal() {
        return this == FAILED || this == WITHDRAWN || this == VOID || this == REVOKED;
    }
}
