package cn.zhicheng.core.deadline;

/** Where a deadline stands; only OPEN ones move on their own (the overdue job), the others are final or waived. */
public enum DeadlineState {
    OPEN,
    MET,
    OVERDUE,
    WAIVED
}
