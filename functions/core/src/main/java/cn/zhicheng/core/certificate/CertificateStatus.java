package cn.zhicheng.core.certificate;

/** What a verifier is told about a certificate's standing; EXPIRED is derived from the term, never stored. */
public enum CertificateStatus {
    VALID,
    /** R20, R31 or an issuer's correction, with cause and date. */
    REVOKED,
    /** R29: replaced by a reissue, which names this one. */
    SUPERSEDED,
    /** R27: past the end of its appointment term. */
    EXPIRED
}
