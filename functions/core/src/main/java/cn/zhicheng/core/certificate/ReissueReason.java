package cn.zhicheng.core.certificate;

/** R29: why a certificate was reissued by its original issuer. */
public enum ReissueReason {
    LOST,
    DAMAGED,
    /** The issuer corrects a printed field; the old certificate is superseded, not revoked. */
    CORRECTION
}
