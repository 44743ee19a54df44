package cn.zhicheng.core.meeting;

/** A meeting's life: applied for (R11), approved, experts drawn (R10), voting, closed with or without a quorum (R12). */
public enum MeetingState {
    REQUESTED,
    REJECTED,
    APPROVED,
    DRAWN,
    VOTING,
    CLOSED,
    NOT_QUORATE
}
