package cn.zhicheng.core.notification;

/** Why a notification was sent: a deadline is near, it has passed, or what it waited for happened. */
public enum NotificationKind {
    REMINDER,
    OVERDUE,
    /** R25: an appointment certificate became available to its holder on its release day. */
    RELEASED
}
