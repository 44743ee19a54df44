package cn.zhicheng.core.application;

/** How the unit verified a diploma or degree number (R4). */
public enum VerificationRoute {
    /** 学信网: graduates of 2002 or later. */
    DIPLOMA_DATABASE,
    /** 学位网: degrees awarded from 2008-09-01 on. */
    DEGREE_DATABASE,
    /** 档案审核: older or unverifiable records, by an archive review statement. */
    ARCHIVE_REVIEW
}
