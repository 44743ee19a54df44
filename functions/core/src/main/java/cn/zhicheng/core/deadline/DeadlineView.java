package cn.zhicheng.core.deadline;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One deadline as its owner sees it (R32: the explanation names the holidays skipped): the shape of
 * {@code /api/deadlines}, and of the deadlines a subject's own view lists (a series filing's).
 */
public record DeadlineView(UUID id, DeadlineKind kind, String rule, SubjectType subjectType, UUID subjectId,
        LocalDate startDate, int days, DayType dayType, LocalDate dueDate, DeadlineState state, boolean provisional,
        boolean overdue, String waivedReason, Map<String, String> explanation, Map<String, String> title) {

    public static DeadlineView of(Deadline d, DeadlineService deadlines, LocalDate today) {
        DeadlineKind.Due due = deadlines.explain(d);
        return new DeadlineView(d.id, d.kind, d.rule, d.subjectType, d.subjectId, d.startDate, d.days, d.dayType,
                d.dueDate, d.state, d.provisional, d.overdueOn(today), d.waivedReason,
                Map.of("zh", due.inChinese(), "en", due.inEnglish()),
                Map.of("zh", d.kind.titleZh(), "en", d.kind.titleEn()));
    }
}
