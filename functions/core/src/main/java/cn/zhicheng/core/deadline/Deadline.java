package cn.zhicheng.core.deadline;

import cn.zhicheng.core.identity.Role;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One deadline: what it is about, the rule that sets it, its start and count, its due date and state, and the
 * scope of who must act, stored so that each role's list is one query.
 */
@Entity
@Table(name = "deadline")
public class Deadline extends PanacheEntityBase {

    /** The smallest id, where a keyset walk starts. */
    public static final UUID FIRST = new UUID(0, 0);

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeadlineKind kind;

    @Column(name = "rule_id", nullable = false)
    public String rule;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    public SubjectType subjectType;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "day_count", nullable = false)
    public int days;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_type", nullable = false)
    public DayType dayType;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeadlineState state;

    /** R32: the due date falls in (or counts through) a year whose schedule is not published yet. */
    @Column(nullable = false)
    public boolean provisional;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_role", nullable = false)
    public Role ownerRole;

    /** The acting unit: the employer unit for UNIT_HR, the committee's HR bureau otherwise. */
    @Column(name = "owner_unit_id")
    public UUID ownerUnitId;

    @Column(name = "owner_committee_id")
    public UUID ownerCommitteeId;

    /** The applicant whose application it concerns, who sees it too. */
    @Column(name = "owner_account_id")
    public UUID ownerAccountId;

    @Column(name = "waived_reason")
    public String waivedReason;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Deadline> findFor(DeadlineKind kind, UUID subjectId) {
        return find("kind = ?1 and subjectType = ?2 and subjectId = ?3", kind, kind.subjectType(), subjectId)
                .firstResultOptional();
    }

    public static List<Deadline> listBySubject(SubjectType subjectType, UUID subjectId) {
        return list("subjectType = ?1 and subjectId = ?2 order by dueDate, id", subjectType, subjectId);
    }

    /** The next page of a keyset walk by id over the given states. */
    public static List<Deadline> pageInStates(List<DeadlineState> states, UUID after, int size) {
        return find("state in ?1 and id > ?2 order by id", states, after).page(0, size).list();
    }

    /** True when the deadline is past its due date on the given day and not yet met, waived or ended. */
    public boolean overdueOn(LocalDate today) {
        return state == DeadlineState.OVERDUE
                || (state == DeadlineState.OPEN && !kind.period() && dueDate.isBefore(today));
    }
}
