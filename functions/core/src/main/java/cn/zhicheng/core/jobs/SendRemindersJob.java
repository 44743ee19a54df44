package cn.zhicheng.core.jobs;

import cn.zhicheng.core.calendar.CalendarService;
import cn.zhicheng.core.calendar.WorkingDayCalendar;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.deadline.ReminderLead;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.notification.Notification;
import cn.zhicheng.core.notification.NotificationKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * {@code send-reminders}: one REMINDER for each open deadline at each of its kind's reminder leads (usually 2 working
 * days before it is due, R32; a filing's renewal and expiry also 30 and 7 days before, R22) and one OVERDUE for each
 * overdue deadline, addressed to the owner's scope; each lead reminds once, so re-runs add nothing.
 */
@ApplicationScoped
public class SendRemindersJob implements Job {

    public static final String NAME = "send-reminders";

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
        WorkingDayCalendar calendar = calendars.calendar();
        List<DeadlineKind> reminded = Arrays.stream(DeadlineKind.values()).filter(k -> !k.reminders().isEmpty())
                .toList();
        LocalDate horizon = reminded.stream().flatMap(k -> k.reminders().stream())
                .map(lead -> lead.horizon(calendar, today)).max(Comparator.naturalOrder()).orElse(today);
        List<Deadline> page = Deadline.find("state in ?1 and dueDate <= ?2 and kind in ?3 and id > ?4 order by id",
                List.of(DeadlineState.OPEN, DeadlineState.OVERDUE), horizon, reminded,
                cursor == null ? Deadline.FIRST : UUID.fromString(cursor)).page(0, size).list();
        int created = 0;
        for (Deadline deadline : page) {
            if (deadline.overdueOn(today)) {
                if (!Notification.exists(deadline.id, NotificationKind.OVERDUE)) {
                    notify(deadline, NotificationKind.OVERDUE, "");
                    created++;
                }
                continue;
            }
            ReminderLead lead = ReminderLead.reached(deadline.kind.reminders(), calendar, today, deadline.dueDate)
                    .orElse(null);
            if (lead != null && !Notification.exists(deadline.id, NotificationKind.REMINDER, lead.code())) {
                notify(deadline, NotificationKind.REMINDER, lead.code());
                created++;
            }
        }
        String next = page.isEmpty() ? cursor : page.get(page.size() - 1).id.toString();
        return Batch.of(page.size(), created, next, page.size() < size);
    }

    private void notify(Deadline deadline, NotificationKind kind, String lead) {
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
        notification.reminderLead = lead;
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
