package cn.zhicheng.core.appointment;

/** Why a certificate whose release day has come is not released yet; the release job retries on each run. */
public enum HoldReason {
    /** R27: the certificate shows a photo, and the record has none yet. */
    PHOTO_MISSING,
    /** R24: certificates take effect under the unit's registered e-seal, and it has none in force. */
    SEAL_NOT_REGISTERED,
    /** R23: the unit's filing of the series is no longer active. */
    FILING_INACTIVE
}
