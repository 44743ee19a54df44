package cn.zhicheng.core.unit;

/** What an organisation is in the title process. */
public enum UnitKind {
    /** 用人单位: employs applicants, does first review and recommends (R6, R7). */
    EMPLOYER,
    /** 人事代理/派遣机构: applies for flexible workers (R3). */
    AGENCY,
    /** 人社部门: vets, approves pass lists, files results, issues certificates (R8, R14, R16). */
    HR_BUREAU,
    /** 主管部门: competent department that may vet instead of the HR bureau (R8). */
    DEPARTMENT
}
