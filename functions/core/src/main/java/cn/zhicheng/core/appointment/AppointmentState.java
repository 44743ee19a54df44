package cn.zhicheng.core.appointment;

/**
 * R25: where an appointment record stands. RECORDED until its certificate is released 15 working days after the
 * upload (RELEASED, by the deadlines job); a record may be WITHDRAWN before release, with a reason, and stays kept.
 */
public enum AppointmentState {
    RECORDED,
    RELEASED,
    WITHDRAWN
}
