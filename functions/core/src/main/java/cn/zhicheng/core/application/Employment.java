package cn.zhicheng.core.application;

/** R3: how the applicant works, which decides the kind of unit they apply through. */
public enum Employment {
    /** Through the employer unit holding the labour or personnel relation. */
    EMPLOYED,
    /** A flexible worker, through an agency or dispatch unit. */
    FLEXIBLE
}
