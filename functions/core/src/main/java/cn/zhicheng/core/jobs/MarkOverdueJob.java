package cn.zhicheng.core.jobs;

import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code mark-overdue}: open deadlines whose due date is before today in China become OVERDUE. Periods (the result
 * notice) end instead, through {@link EndNoticePeriodsJob}. Due dates are already current: calendar edits
 * recompute them as they commit.
 */
@ApplicationScoped
public class MarkOverdueJob implements Job {

    public static final String NAME = "mark-overdue";

    private final Clock clock;

    public MarkOverdueJob(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Batch batch(String cursor, int size, LocalDate today) {
        List<Deadline> page = Deadline.find("state = ?1 and dueDate < ?2 and kind in ?3 and id > ?4 order by id",
                DeadlineState.OPEN, today, duties(), cursor == null ? Deadline.FIRST : UUID.fromString(cursor))
                .page(0, size).list();
        for (Deadline deadline : page) {
            deadline.state = DeadlineState.OVERDUE;
            deadline.updatedAt = clock.instant();
        }
        String next = page.isEmpty() ? cursor : page.get(page.size() - 1).id.toString();
        return Batch.of(page.size(), page.size(), next, page.size() < size);
    }

    /** The kinds that are a duty to act by a date, as opposed to a period that simply runs. */
    static List<DeadlineKind> duties() {
        return Arrays.stream(DeadlineKind.values()).filter(k -> !k.period()).toList();
    }

    static List<DeadlineKind> periods() {
        return Arrays.stream(DeadlineKind.values()).filter(DeadlineKind::period).toList();
    }
}
