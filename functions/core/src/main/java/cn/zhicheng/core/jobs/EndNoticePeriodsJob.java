package cn.zhicheng.core.jobs;

import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code end-notice-periods}: R15: a result notice whose last day has passed has run its course and is MET. */
@ApplicationScoped
public class EndNoticePeriodsJob implements Job {

    public static final String NAME = "end-notice-periods";

    private final Clock clock;

    public EndNoticePeriodsJob(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Batch batch(String cursor, int size, LocalDate today) {
        List<Deadline> page = Deadline.find("state = ?1 and dueDate < ?2 and kind in ?3 and id > ?4 order by id",
                DeadlineState.OPEN, today, MarkOverdueJob.periods(),
                cursor == null ? Deadline.FIRST : UUID.fromString(cursor)).page(0, size).list();
        for (Deadline deadline : page) {
            deadline.state = DeadlineState.MET;
            deadline.closedAt = clock.instant();
            deadline.updatedAt = deadline.closedAt;
        }
        String next = page.isEmpty() ? cursor : page.get(page.size() - 1).id.toString();
        return Batch.of(page.size(), page.size(), next, page.size() < size);
    }
}
