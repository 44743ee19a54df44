package cn.zhicheng.core.spotcheck;

/** What an inspector found on one evidence item (R18). */
public enum FindingResult {
    OK,
    PROBLEM,
    FRAUD
}
