package cn.zhicheng.core.jobs;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.notification.Notification;
import cn.zhicheng.core.notification.NotificationKind;
import cn.zhicheng.core.series.SubmissionWindow;
import cn.zhicheng.core.series.WindowDeadlines;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code close-submission-windows}: R1: a window closed by the server clock has its closing deadline met, and its
 * committee's office is told once how many applications of the window's series the HR bureau vetted but the
 * committee did not accept in time (逾期不再受理). A window whose deadline is met or waived is done, so re-runs find
 * nothing.
 */
@ApplicationScoped
public class CloseSubmissionWindowsJob implements Job {

    public static final String NAME = "close-submission-windows";
    /**
     * The notice rides on the window's own deadline; OVERDUE is the kind that says "too late" and the reminder job
     * sends none for a met deadline, so (deadline, kind) stays unique to this notice.
     */
    static final NotificationKind NOTICE = NotificationKind.OVERDUE;

    private final WindowDeadlines windowDeadlines;
    private final Clock clock;

    public CloseSubmissionWindowsJob(WindowDeadlines windowDeadlines, Clock clock) {
        this.windowDeadlines = windowDeadlines;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Batch batch(String cursor, int size, LocalDate today) {
        Instant now = clock.instant();
        UUID after = cursor == null ? Deadline.FIRST : UUID.fromString(cursor);
        List<SubmissionWindow> page = SubmissionWindow.find("from SubmissionWindow w where w.closesAt <= ?1 "
                        + "and w.id > ?2 and not exists (select d.id from Deadline d where d.kind = ?3 "
                        + "and d.subjectId = w.id and d.state in ?4) order by w.id", now, after,
                DeadlineKind.SUBMISSION_WINDOW_CLOSE, List.of(DeadlineState.MET, DeadlineState.WAIVED))
                .page(0, size).list();
        for (SubmissionWindow window : page) {
            Deadline deadline = windowDeadlines.close(window);
            long waiting = Application.count("committeeId = ?1 and seriesId = ?2 and state = ?3", window.committeeId,
                    window.seriesId, ApplicationState.VETTED);
            if (waiting > 0 && !Notification.exists(deadline.id, NOTICE)) {
                notifyOffice(window, deadline, waiting, now);
            }
        }
        String next = page.isEmpty() ? cursor : page.get(page.size() - 1).id.toString();
        return Batch.of(page.size(), page.size(), next, page.size() < size);
    }

    private static void notifyOffice(SubmissionWindow window, Deadline deadline, long waiting, Instant now) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.recipientRole = Role.COMMITTEE_OFFICE;
        notification.recipientCommitteeId = window.committeeId;
        notification.deadlineId = deadline.id;
        notification.kind = NOTICE;
        notification.messageZh = "申报窗口「" + window.title + "」已于 " + window.lastDay() + " 截止（R1），" + waiting
                + " 件已审核的申报未受理，逾期不再受理";
        notification.messageEn = "The submission window \"" + window.title + "\" closed on " + window.lastDay()
                + " (R1); " + waiting + " vetted application(s) were not accepted and can no longer be";
        notification.createdAt = now;
        notification.persist();
    }
}
