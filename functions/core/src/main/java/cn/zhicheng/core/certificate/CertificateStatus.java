package cn.zhicheng.core.certificate;

/** What a verifier is told about a certificate's standing. */
public enum CertificateStatus {
    VALID,
    REVOKED
}
