package cn.zhicheng.core.certificate;

/** The two certificates of R27: a committee's title certificate and a self-evaluating unit's appointment one. */
public enum CertificateKind {
    /** 职称证书, issued by the committee's HR bureau after filing (R16). */
    TITLE,
    /** 聘任证书, issued by a self-evaluating unit under its registered e-seal (R24, R25). */
    APPOINTMENT
}
