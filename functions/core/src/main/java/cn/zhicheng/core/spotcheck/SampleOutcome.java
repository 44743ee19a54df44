package cn.zhicheng.core.spotcheck;

/** The office's conclusion on a sampled application; fraud is confirmed by the HR bureau (R20, decision 0012). */
public enum SampleOutcome {
    CLEAR,
    PROBLEM,
    FRAUD_SUSPECTED,
    FRAUD_CONFIRMED
}
