package cn.zhicheng.core.notification;

/** Why a notification was sent: a deadline is near, or it has passed. */
public enum NotificationKind {
    REMINDER,
    OVERDUE
}
