package cn.zhicheng.core.deadline;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.calendar.CalendarChanged;
import cn.zhicheng.core.calendar.CalendarService;
import cn.zhicheng.core.calendar.WorkingDayCalendar;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.persistence.BatchInsert;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.time.ClockProducer;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Attaches, meets, waives and lists deadlines, and recomputes open ones when the calendar changes (R32). */
@ApplicationScoped
@Transactional
@Unremovable
public class DeadlineService {

    public static final String SUBJECT = "DEADLINE";
    /** Rows recomputed per flush, so a calendar edit over many open deadlines keeps the session small. */
    private static final int RECOMPUTE_BATCH = 500;

    private static final List<String> COLUMNS = List.of("id", "kind", "rule_id", "subject_type", "subject_id",
            "start_date", "day_count", "day_type", "due_date", "state", "provisional", "owner_role", "owner_unit_id",
            "owner_committee_id", "owner_account_id", "waived_reason", "closed_at", "created_at", "updated_at");

    private final CalendarService calendars;
    private final AuditTrail audit;
    private final Clock clock;
    private final BatchInsert batch;

    public DeadlineService(CalendarService calendars, AuditTrail audit, Clock clock, BatchInsert batch) {
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
        this.batch = batch;
    }

    /** Today in China, the day every date rule is read on. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA);
    }

    /** Who must act on a deadline, stored with it so that each role's list is one query. */
    public record Owner(Role role, UUID unitId, UUID committeeId, UUID accountId) {
    }

    /**
     * Attaches the kind's deadline to an application, counted from the start date; idempotent: an application has
     * at most one deadline of each kind (unique kind + subject), so a repeated step returns the existing one.
     */
    public Deadline attach(DeadlineKind kind, Application application, LocalDate start) {
        Committee committee = Committee.findById(application.committeeId);
        // the unit that must act: the employer for its own publicity, the committee's HR bureau for the rest
        UUID unit = kind.ownerRole() == Role.UNIT_HR ? application.unitId : committee.hrBureauId;
        return attach(kind, application.id, start,
                new Owner(kind.ownerRole(), unit, application.committeeId, application.accountId));
    }

    /** Attaches the kind's deadline to any subject (meeting, objection, round), its due date counted from start. */
    public Deadline attach(DeadlineKind kind, UUID subjectId, LocalDate start, Owner owner) {
        return attachDue(kind, subjectId, start, null, owner);
    }

    /**
     * Attaches the kind's deadline to a subject with a number of days chosen for it (R18: the office gives a
     * spot-check question 1 to 30 working days); the row keeps that number, so recounting uses it. Idempotent.
     */
    public Deadline attach(DeadlineKind kind, UUID subjectId, LocalDate start, int days, Owner owner) {
        if (days < 1) {
            throw new IllegalArgumentException("a deadline counts at least one day, got " + days);
        }
        return attach(kind, subjectId, start, null, days, owner);
    }

    /**
     * Attaches a deadline whose due date the subject brings (R1: a window's closing day); a null due date is
     * counted from start by the kind's rule. Idempotent per kind and subject.
     */
    public Deadline attachDue(DeadlineKind kind, UUID subjectId, LocalDate start, LocalDate dueDate, Owner owner) {
        return attach(kind, subjectId, start, dueDate, kind.days(), owner);
    }

    private Deadline attach(DeadlineKind kind, UUID subjectId, LocalDate start, LocalDate dueDate, int days,
            Owner owner) {
        Deadline existing = Deadline.findFor(kind, subjectId).orElse(null);
        if (existing != null) {
            return existing;
        }
        DeadlineKind.Due due = dueDate == null ? kind.due(calendars.calendar(), start, days)
                : new DeadlineKind.Due(dueDate, false, null, null);
        Deadline deadline = open(kind, subjectId, start, days, due, owner, clock.instant());
        deadline.persist();
        return deadline;
    }

    /** A new open deadline row of the kind, before it is written. */
    private static Deadline open(DeadlineKind kind, UUID subjectId, LocalDate start, int days, DeadlineKind.Due due,
            Owner owner, Instant now) {
        Deadline deadline = new Deadline();
        deadline.id = UUID.randomUUID();
        deadline.kind = kind;
        deadline.rule = kind.rule();
        deadline.subjectType = kind.subjectType();
        deadline.subjectId = subjectId;
        deadline.startDate = start;
        deadline.days = days;
        deadline.dayType = kind.dayType();
        deadline.dueDate = due.date();
        deadline.provisional = due.provisional();
        deadline.state = DeadlineState.OPEN;
        deadline.ownerRole = owner.role();
        deadline.ownerUnitId = owner.unitId();
        deadline.ownerCommitteeId = owner.committeeId();
        deadline.ownerAccountId = owner.accountId();
        deadline.createdAt = now;
        deadline.updatedAt = now;
        return deadline;
    }

    /** One deadline of a bulk attach: counted from start by the kind's rule, met at once when {@code met}. */
    public record Attach(DeadlineKind kind, UUID subjectId, LocalDate start, Owner owner, boolean met) {
    }

    /**
     * Attaches many deadlines of new subjects at once (an upload of appointment records, R25), written in one batch
     * instead of an entity each; the subjects are new, so no existing deadline is looked for. A deadline met at once
     * (the step happened with its recording) is written closed. Due dates are counted once per kind and start day.
     */
    public List<Deadline> attachAll(List<Attach> attaches) {
        WorkingDayCalendar calendar = calendars.calendar();
        Instant now = clock.instant();
        Map<DeadlineKind, Map<LocalDate, DeadlineKind.Due>> counted = new EnumMap<>(DeadlineKind.class);
        List<Deadline> deadlines = new ArrayList<>(attaches.size());
        List<Object[]> rows = new ArrayList<>(attaches.size());
        for (Attach attach : attaches) {
            DeadlineKind.Due due = counted.computeIfAbsent(attach.kind(), k -> new HashMap<>())
                    .computeIfAbsent(attach.start(), start -> attach.kind().due(calendar, start));
            Deadline d = open(attach.kind(), attach.subjectId(), attach.start(), attach.kind().days(), due,
                    attach.owner(), now);
            if (attach.met()) {
                close(d, DeadlineState.MET, null);
            }
            deadlines.add(d);
            rows.add(new Object[] {d.id, d.kind.name(), d.rule, d.subjectType.name(), d.subjectId, d.startDate,
                d.days, d.dayType.name(), d.dueDate, d.state.name(), d.provisional, d.ownerRole.name(), d.ownerUnitId,
                d.ownerCommitteeId, d.ownerAccountId, d.waivedReason, d.closedAt, d.createdAt, d.updatedAt});
        }
        batch.insert("deadline", COLUMNS, rows);
        return deadlines;
    }

    /**
     * The kind's deadline counted afresh from start, reopened if an earlier round of the same step closed it (R7: a
     * returned application reviewed again gets a new publicity of its own).
     */
    public Deadline restart(DeadlineKind kind, Application application, LocalDate start) {
        Deadline deadline = attach(kind, application, start);
        if (deadline.state != DeadlineState.OPEN || !deadline.startDate.equals(start)) {
            DeadlineKind.Due due = kind.due(calendars.calendar(), start, deadline.days);
            deadline.startDate = start;
            deadline.dueDate = due.date();
            deadline.provisional = due.provisional();
            deadline.state = DeadlineState.OPEN;
            deadline.waivedReason = null;
            deadline.closedAt = null;
            deadline.updatedAt = clock.instant();
        }
        return deadline;
    }

    /**
     * Moves an open deadline whose subject brings its due date to a new one (R22: the HR bureau changed a year's
     * filing due date); a closed deadline stays as it was.
     */
    public void reschedule(Deadline deadline, LocalDate dueDate) {
        if (deadline.state == DeadlineState.OPEN && !deadline.dueDate.equals(dueDate)) {
            deadline.dueDate = dueDate;
            deadline.updatedAt = clock.instant();
        }
    }

    /** Waives the kind's open or overdue deadline of a subject whose step no longer applies, with the reason. */
    public void waive(DeadlineKind kind, UUID subjectId, String reason) {
        Deadline.findFor(kind, subjectId).ifPresent(deadline -> {
            if (deadline.state == DeadlineState.OPEN || deadline.state == DeadlineState.OVERDUE) {
                close(deadline, DeadlineState.WAIVED, reason);
            }
        });
    }

    /** The step the deadline waited for happened; a late step still meets it (the lateness stays visible). */
    public void meet(DeadlineKind kind, UUID subjectId) {
        Deadline.findFor(kind, subjectId).ifPresent(deadline -> {
            if (deadline.state == DeadlineState.OPEN || deadline.state == DeadlineState.OVERDUE) {
                close(deadline, DeadlineState.MET, null);
            }
        });
    }

    /** Waives every open or overdue deadline of a subject that no longer needs them (withdrawn, void). */
    public void waiveAll(SubjectType subjectType, UUID subjectId, String reason) {
        for (Deadline deadline : Deadline.listBySubject(subjectType, subjectId)) {
            if (deadline.state == DeadlineState.OPEN || deadline.state == DeadlineState.OVERDUE) {
                close(deadline, DeadlineState.WAIVED, reason);
            }
        }
    }

    /** The HR bureau waives one deadline of its committees, with a reason; audited. */
    public Deadline waive(Actor actor, UUID deadlineId, String reason) {
        Deadline deadline = Deadline.findById(deadlineId);
        if (deadline == null || !bureauOf(deadline, actor)) {
            throw Problem.notFound("DEADLINE_NOT_FOUND", "No deadline " + deadlineId + " is visible to you.");
        }
        if (deadline.state != DeadlineState.OPEN && deadline.state != DeadlineState.OVERDUE) {
            throw Problem.conflict("DEADLINE_CLOSED", "Deadline already closed",
                    "The deadline is " + deadline.state + "; only an open or overdue deadline can be waived.");
        }
        DeadlineState before = deadline.state;
        close(deadline, DeadlineState.WAIVED, reason.trim());
        audit.record(actor, new AuditTrail.Change("DEADLINE_WAIVE", SUBJECT, deadline.id, before.name(),
                DeadlineState.WAIVED.name(), deadline.kind + " (" + deadline.rule + "): " + deadline.waivedReason));
        return deadline;
    }

    /** The actor's upcoming and overdue deadlines, soonest first; each role's scope is one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Deadline> listFor(Actor actor) {
        List<DeadlineState> live = List.of(DeadlineState.OPEN, DeadlineState.OVERDUE);
        if (actor.role() == null) {
            return List.of();
        }
        return switch (actor.role()) {
            case APPLICANT -> Deadline.list("state in ?1 and ownerAccountId = ?2 order by dueDate, id", live,
                    actor.accountId());
            case UNIT_HR, HR_BUREAU, SELF_EVAL_UNIT -> actor.unitId() == null ? List.of()
                    : Deadline.list("state in ?1 and ownerRole = ?2 and ownerUnitId = ?3 order by dueDate, id", live,
                            actor.role(), actor.unitId());
            case COMMITTEE_OFFICE -> actor.committeeId() == null ? List.of()
                    : Deadline.list("state in ?1 and ownerRole = ?2 and ownerCommitteeId = ?3 order by dueDate, id",
                            live, actor.role(), actor.committeeId());
            default -> List.of();
        };
    }

    /** The deadline's due date and how it was reached, in Chinese and English, on today's calendar. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeadlineKind.Due explain(Deadline deadline) {
        if (deadline.dayType == DayType.FIXED && deadline.kind.fixedDate() == null) {
            // R1: the subject brought its own date; there is no count to explain
            return new DeadlineKind.Due(deadline.dueDate, false, deadline.kind.titleZh() + "：" + deadline.dueDate,
                    deadline.kind.titleEn() + ": " + deadline.dueDate);
        }
        // the row's own N: some kinds (R18's questions) choose it per deadline
        return deadline.kind.due(calendars.calendar(), deadline.startDate, deadline.days);
    }

    /**
     * R32: a calendar edit moves every open working-day deadline counted across it. Chosen over recomputing in the
     * overdue job so that lists and reminders are right the moment the edit commits; runs in the edit's
     * transaction, a page at a time.
     */
    void onCalendarChanged(@Observes CalendarChanged event) {
        recomputeOpen();
    }

    /** Recomputes the due date and provisional flag of every open working-day deadline; returns how many moved. */
    public int recomputeOpen() {
        WorkingDayCalendar calendar = calendars.calendar();
        int moved = 0;
        UUID after = Deadline.FIRST;
        while (true) {
            List<Deadline> page = Deadline.pageInStates(List.of(DeadlineState.OPEN), after, RECOMPUTE_BATCH);
            for (Deadline deadline : page) {
                if (deadline.dayType == DayType.WORKING) {
                    DeadlineKind.Due due = deadline.kind.due(calendar, deadline.startDate, deadline.days);
                    if (!due.date().equals(deadline.dueDate) || due.provisional() != deadline.provisional) {
                        if (deadline.kind == DeadlineKind.UNIT_PUBLICITY) {
                            // R7: the application shows the publicity's last day; it moves with the deadline
                            Application.update("publicityEndsOn = ?1 where id = ?2", due.date(), deadline.subjectId);
                        }
                        deadline.dueDate = due.date();
                        deadline.provisional = due.provisional();
                        deadline.updatedAt = clock.instant();
                        moved++;
                    }
                }
                after = deadline.id;
            }
            Deadline.flush();
            if (page.size() < RECOMPUTE_BATCH) {
                return moved;
            }
        }
    }

    private void close(Deadline deadline, DeadlineState state, String reason) {
        deadline.state = state;
        deadline.waivedReason = reason;
        deadline.closedAt = clock.instant();
        deadline.updatedAt = deadline.closedAt;
    }

    private static boolean bureauOf(Deadline deadline, Actor actor) {
        if (actor.role() != Role.HR_BUREAU || actor.unitId() == null || deadline.ownerCommitteeId == null) {
            return false;
        }
        Committee committee = Committee.findById(deadline.ownerCommitteeId);
        return committee != null && actor.unitId().equals(committee.hrBureauId);
    }
}
