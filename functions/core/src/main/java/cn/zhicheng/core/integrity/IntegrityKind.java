package cn.zhicheng.core.integrity;

/** What an integrity record is for. */
public enum IntegrityKind {
    /** R20: fraud confirmed on an application; the person is barred from applying. */
    FRAUD,
    /** R21: a unit or department gave false proof; it is named and its responsible professional barred. */
    FALSE_PROOF,
    /** R31: a certificate forged, altered or misused. */
    CERTIFICATE_MISUSE
}
