package cn.zhicheng.core.catalogue;

/**
 * R24: where an e-seal application stands. SUBMITTED goes to APPROVED or RETURNED (corrected and SUBMITTED again).
 * An approved NEW or CHANGE registration is the unit's seal in force until a later approved CHANGE or CANCEL makes it
 * RETIRED; its key is retired with it and keeps verifying what it signed.
 */
public enum SealRegistrationState {
    SUBMITTED,
    RETURNED,
    APPROVED,
    RETIRED
}
