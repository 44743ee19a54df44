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

    /**
     * Keyset batches over the primary key: find the id that ends this batch, then one range update up to it. Each
     * batch holds its row locks only for that single short statement, and no statement carries a list of ids, so a
     * sweep over a million deadlines is a few thousand cheap statements (benchmark P4).
     */
    @Override
    public Batch batch(String cursor, int size, LocalDate today) {
        UUID after = cursor == null ? Deadline.FIRST : UUID.fromString(cursor);
        List<UUID> end = Deadline.getEntityManager().createQuery("select d.id from Deadline d where d.state = ?1 "
                        + "and d.dueDate < ?2 and d.kind in ?3 and d.id > ?4 order by d.id", UUID.class)
                .setParameter(1, DeadlineState.OPEN).setParameter(2, today).setParameter(3, duties())
                .setParameter(4, after).setFirstResult(size - 1).setMaxResults(1).getResultList();
        boolean last = end.isEmpty();
        int changed = last
                ? Deadline.update("state = ?1, updatedAt = ?2 where state = ?3 and dueDate < ?4 and kind in ?5 "
                        + "and id > ?6", DeadlineState.OVERDUE, clock.instant(), DeadlineState.OPEN, today, duties(),
                        after)
                : Deadline.update("state = ?1, updatedAt = ?2 where state = ?3 and dueDate < ?4 and kind in ?5 "
                        + "and id > ?6 and id <= ?7", DeadlineState.OVERDUE, clock.instant(), DeadlineState.OPEN, today,
                        duties(), after, end.get(0));
        return Batch.of(changed, changed, last ? cursor : end.get(0).toString(), last);
    }

    /** The kinds that are a duty to act by a date, as opposed to a period that simply runs. */
    static List<DeadlineKind> duties() {
        return Arrays.stream(DeadlineKind.values()).filter(k -> !k.period()).toList();
    }

    static List<DeadlineKind> periods() {
        return Arrays.stream(DeadlineKind.values()).filter(DeadlineKind::period).toList();
    }
}
