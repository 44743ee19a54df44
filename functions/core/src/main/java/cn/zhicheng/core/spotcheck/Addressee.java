package cn.zhicheng.core.spotcheck;

/** Who must answer a spot-check question (R18: applicants, units and departments cooperate). */
public enum Addressee {
    APPLICANT,
    UNIT,
    DEPARTMENT
}
