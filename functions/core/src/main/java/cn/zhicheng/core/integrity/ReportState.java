package cn.zhicheng.core.integrity;

/** Where a verifier's certificate report stands (R31). */
public enum ReportState {
    OPEN,
    PROVEN,
    DISMISSED
}
