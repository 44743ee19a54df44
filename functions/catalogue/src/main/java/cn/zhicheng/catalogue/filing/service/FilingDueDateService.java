package cn.zhicheng.catalogue.filing.service;

import cn.zhicheng.catalogue.filing.config.FilingConfig;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.catalogue.FilingDueDate;
import cn.zhicheng.core.catalogue.SeriesFiling;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * R22: the date filings are due each year: the configured default (the end of April) unless the HR bureau set
 * another for the year (2023: 30 June). Changing it moves the open renewal deadlines due in that year.
 */
@ApplicationScoped
@Transactional
public class FilingDueDateService {

    public static final String SUBJECT = "FILING_DUE_DATE";
    /** Years one listing may span. */
    static final int MAX_SPAN = 50;

    private final FilingService filings;
    private final DeadlineService deadlines;
    private final AuditTrail audit;
    private final FilingConfig config;
    private final Clock clock;

    public FilingDueDateService(FilingService filings, DeadlineService deadlines, AuditTrail audit,
            FilingConfig config, Clock clock) {
        this.filings = filings;
        this.deadlines = deadlines;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** A year's due date, and whether the HR bureau set it (else it is the default day). */
    public record Entry(int year, LocalDate dueOn, String note, boolean set) {
    }

    /** The due dates of the years from {@code from} to {@code to}; both default to this year and the next 3. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> list(Integer from, Integer to) {
        int first = from == null ? deadlines.today().getYear() : from;
        int last = to == null ? Math.max(first, deadlines.today().getYear()) + 3 : to;
        if (last < first || last - first >= MAX_SPAN) {
            throw Problem.validation(List.of(new Problem.FieldError("to",
                    "must be from " + first + " to " + (first + MAX_SPAN - 1))));
        }
        Map<Integer, FilingDueDate> set = FilingDueDate.<FilingDueDate>list("filingYear between ?1 and ?2", first,
                last).stream().collect(Collectors.toMap(d -> d.filingYear, Function.identity()));
        return IntStream.rangeClosed(first, last).mapToObj(year -> entry(year, set.get(year))).toList();
    }

    /** The HR bureau sets a year's due date; the open renewals due that year move with it. Audited. */
    public Entry set(Actor actor, int year, LocalDate dueOn, String note) {
        if (dueOn.getYear() != year) {
            throw Problem.validation(List.of(new Problem.FieldError("dueOn", "must be a day of " + year)));
        }
        FilingDueDate date = FilingDueDate.findById(year);
        LocalDate before = date == null ? config.dueDay().atYear(year) : date.dueOn;
        if (date == null) {
            date = new FilingDueDate();
            date.filingYear = year;
        }
        date.dueOn = dueOn;
        date.note = note == null || note.isBlank() ? null : note.trim();
        date.updatedBy = actor.accountId();
        date.updatedAt = clock.instant();
        date.persist();
        int moved = moveOpenRenewals(year);
        audit.record(actor, new AuditTrail.Change("FILING_DUE_DATE_SET", SUBJECT, subjectId(year), before.toString(),
                dueOn.toString(), year + ": " + (date.note == null ? "" : date.note + "; ") + moved
                        + " open renewal(s) moved (R22)"));
        return entry(year, date);
    }

    /** Each open renewal due in the year gets the due date its filing's expiry and the new date give. */
    private int moveOpenRenewals(int year) {
        List<Deadline> open = Deadline.list("kind = ?1 and state = ?2 and dueDate between ?3 and ?4",
                DeadlineKind.SERIES_FILING_RENEWAL, DeadlineState.OPEN, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        if (open.isEmpty()) {
            return 0;
        }
        Map<UUID, SeriesFiling> byId = SeriesFiling.<SeriesFiling>list("id in ?1",
                open.stream().map(d -> d.subjectId).toList()).stream()
                .collect(Collectors.toMap(f -> f.id, Function.identity()));
        int moved = 0;
        for (Deadline deadline : open) {
            SeriesFiling filing = byId.get(deadline.subjectId);
            LocalDate due = filings.renewalDue(filing.validUntil);
            if (!due.equals(deadline.dueDate)) {
                deadlines.reschedule(deadline, due);
                moved++;
            }
        }
        return moved;
    }

    private Entry entry(int year, FilingDueDate set) {
        return set == null ? new Entry(year, config.dueDay().atYear(year), null, false)
                : new Entry(year, set.dueOn, set.note, true);
    }

    /** A year's due date has no row id of its own until set; the audit trail names it by the year. */
    private static UUID subjectId(int year) {
        return UUID.nameUUIDFromBytes((SUBJECT + ":" + year).getBytes(StandardCharsets.UTF_8));
    }
}
