package cn.zhicheng.core.jobs;

import cn.zhicheng.core.calendar.CalendarService;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.notification.Notification;
import cn.zhicheng.core.notification.NotificationKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code send-reminders}: one REMINDER for each open deadline due within 2 working days (R32) and one OVERDUE for
 * each overdue deadline, addressed to the owner's scope; a deadline gets each kind once, so re-runs add nothing.
 */
@ApplicationScoped
public class SendRemindersJob implements Job {

    public static final String NAME = "send-reminders";
    static final int REMIND_WORKING_DAYS = 2;

    private final CalendarService calendars;
    private final Clock clock;

    public SendRemindersJob(CalendarService calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Batch batch(String cursor, int size, LocalDate today) {
        LocalDate horizon = calendars.calendar().plusWorkingDays(today, REMIND_WORKING_DAYS);
        List<Deadline> page = Deadline.find("state in ?1 and dueDate <= ?2 and kind in ?3 and id > ?4 order by id",
                List.of(DeadlineState.OPEN, DeadlineState.OVERDUE), horizon, MarkOverdueJob.duties(),
                cursor == null ? Deadline.FIRST : UUID.fromString(cursor)).page(0, size).list();
        int created = 0;
        for (Deadline deadline : page) {
            NotificationKind kind = deadline.overdueOn(today) ? NotificationKind.OVERDUE : NotificationKind.REMINDER;
            if (!Notification.exists(deadline.id, kind)) {
                notify(deadline, kind);
                created++;
            }
        }
        String next = page.isEmpty() ? cursor : page.get(page.size() - 1).id.toString();
        return Batch.of(page.size(), created, next, page.size() < size);
    }

    private void notify(Deadline deadline, NotificationKind kind) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.recipientRole = deadline.ownerRole;
        // a committee office is reached through its committee, every other role through its unit
        if (deadline.ownerRole == Role.COMMITTEE_OFFICE) {
            notification.recipientCommitteeId = deadline.ownerCommitteeId;
        } else {
            notification.recipientUnitId = deadline.ownerUnitId;
        }
        notification.deadlineId = deadline.id;
        notification.kind = kind;
        String zh = "「" + deadline.kind.titleZh() + "」（" + deadline.rule + "）";
        String en = deadline.kind.titleEn() + " (" + deadline.rule + ")";
        if (kind == NotificationKind.OVERDUE) {
            notification.messageZh = zh + "已于 " + deadline.dueDate + " 到期，现已逾期";
            notification.messageEn = en + " was due on " + deadline.dueDate + " and is overdue";
        } else {
            notification.messageZh = zh + "将于 " + deadline.dueDate + " 到期";
            notification.messageEn = en + " is due on " + deadline.dueDate;
        }
        notification.createdAt = clock.instant();
        notification.persist();
    }
}
