package cn.zhicheng.core.series;

import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.identity.Role;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** R1: the one place a submission window's closing deadline is attached, moved with the window and met. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@Unremovable // the deadlines function only reaches it through its job
public class WindowDeadlines {

    private final DeadlineService deadlines;
    private final Clock clock;

    public WindowDeadlines(DeadlineService deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The window's deadline, due on its last day and owned by its committee's office; idempotent. */
    public Deadline attach(SubmissionWindow window) {
        Committee committee = Committee.findById(window.committeeId);
        return deadlines.attachDue(DeadlineKind.SUBMISSION_WINDOW_CLOSE, window.id, window.openDay(),
                window.lastDay(), new DeadlineService.Owner(Role.COMMITTEE_OFFICE, committee.hrBureauId,
                        committee.id, null));
    }

    /**
     * The window's dates changed: its deadline moves with them, and a deadline already met or overdue opens again
     * when the window now closes later, so the closing job sees the window close a second time.
     */
    public void retime(SubmissionWindow window) {
        Deadline deadline = attach(window);
        Instant now = clock.instant();
        deadline.startDate = window.openDay();
        deadline.dueDate = window.lastDay();
        boolean closesLater = window.closesAt.isAfter(now);
        if (closesLater && (deadline.state == DeadlineState.MET || deadline.state == DeadlineState.OVERDUE)) {
            deadline.state = DeadlineState.OPEN;
            deadline.closedAt = null;
        }
        deadline.updatedAt = now;
    }

    /** The window has closed: its deadline is met (attached first for windows made before deadlines were). */
    public Deadline close(SubmissionWindow window) {
        Deadline deadline = attach(window);
        deadlines.meet(DeadlineKind.SUBMISSION_WINDOW_CLOSE, window.id);
        return deadline;
    }
}
