package cn.zhicheng.core.calendar;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The one working-day calendar every deadline uses (R32): entries live in the database, edited by the HR bureau;
 * the arithmetic runs on an immutable snapshot that is reloaded whenever the calendar's revision changes.
 */
@ApplicationScoped
@Transactional
@Unremovable
public class CalendarService {

    public static final String YEAR_SUBJECT = "CALENDAR_YEAR";
    public static final String ENTRY_SUBJECT = "CALENDAR_ENTRY";
    private static final Logger LOG = Logger.getLogger(CalendarService.class);

    private final AuditTrail audit;
    private final Clock clock;
    private final Event<CalendarChanged> changed;
    private volatile Snapshot snapshot;

    private record Snapshot(long revisionKey, WorkingDayCalendar calendar) {
    }

    public CalendarService(AuditTrail audit, Clock clock, Event<CalendarChanged> changed) {
        this.audit = audit;
        this.clock = clock;
        this.changed = changed;
    }

    /**
     * The official schedules shipped with the system are loaded once into every database. Several instances may
     * start at once; each year loads in its own transaction and an instance that loses the race moves on.
     */
    @Transactional(Transactional.TxType.NEVER)
    void loadShipped(@Observes @Priority(5) StartupEvent event) {
        for (CalendarFile.Parsed parsed : ShippedCalendars.load()) {
            try {
                if (loadShippedYear(parsed)) {
                    LOG.infof("Loaded the shipped %d working-day calendar (%s)", parsed.year(), parsed.source());
                }
            } catch (RuntimeException e) {
                // a concurrent start inserting the same year fails here at commit; anything else stays fatal below
                if (!publishedAfterRace(parsed.year())) {
                    throw new IllegalStateException("Could not load the shipped " + parsed.year() + " calendar", e);
                }
                LOG.infof("The shipped %d calendar was loaded by another instance meanwhile", parsed.year());
            }
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean publishedAfterRace(int year) {
        return CalendarYear.findByYear(year).filter(y -> y.published).isPresent();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean loadShippedYear(CalendarFile.Parsed parsed) {
        if (CalendarYear.findByYear(parsed.year()).filter(y -> y.published).isPresent()) {
            return false;
        }
        replaceYear(parsed, null);
        return true;
    }

    /** The current calendar; cheap to call: one small query decides whether the cached snapshot still holds. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkingDayCalendar calendar() {
        long key = revisionKey();
        Snapshot current = snapshot;
        if (current == null || current.revisionKey() != key) {
            Map<LocalDate, CalendarDay> days = new HashMap<>();
            for (CalendarEntry entry : CalendarEntry.<CalendarEntry>listAll()) {
                days.put(entry.day, entry.toDay());
            }
            Set<Integer> published = new HashSet<>();
            CalendarYear.<CalendarYear>listAll().stream().filter(y -> y.published).forEach(y -> published.add(y.year));
            current = new Snapshot(key, new WorkingDayCalendar(days, published));
            snapshot = current;
        }
        return current.calendar();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CalendarYear> years() {
        return CalendarYear.listOrdered();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CalendarEntry> entries(int year) {
        requireYearInRange(year);
        return CalendarEntry.listInYear(year);
    }

    /** R32: one entry per date; an adjusted working day must fall on a weekend. */
    public CalendarEntry add(Actor actor, LocalDate day, DayKind kind, String name, String source) {
        requireYearInRange(day.getYear());
        if (kind == DayKind.WORKDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            throw Problem.rule("R32", 422, "WORKDAY_NOT_WEEKEND", "Not a weekend day",
                    day + " is a " + day.getDayOfWeek() + "; an adjusted working day must be a Saturday or Sunday.");
        }
        CalendarYear year = yearForUpdate(day.getYear());
        CalendarEntry.findByDay(day).ifPresent(existing -> {
            throw Problem.rule("R32", 409, "CALENDAR_CONFLICT", "Date already in the calendar",
                    day + " is already entered as " + existing.kind + " (" + existing.name
                            + "); a date is either a holiday or a working day, so delete that entry first.");
        });
        CalendarEntry entry = new CalendarEntry();
        entry.id = UUID.randomUUID();
        entry.day = day;
        entry.kind = kind;
        entry.name = name.trim();
        entry.source = source == null || source.isBlank() ? null : source.trim();
        entry.createdAt = clock.instant();
        entry.persist();
        touch(year);
        audit.record(actor, new AuditTrail.Change("CALENDAR_ADD", ENTRY_SUBJECT, entry.id, null, kind.name(),
                day + " " + entry.name));
        changed.fire(new CalendarChanged(day.getYear()));
        return entry;
    }

    public void delete(Actor actor, UUID entryId) {
        CalendarEntry entry = CalendarEntry.findById(entryId);
        if (entry == null) {
            throw Problem.notFound("CALENDAR_ENTRY_NOT_FOUND", "No calendar entry " + entryId + ".");
        }
        touch(yearForUpdate(entry.day.getYear()));
        audit.record(actor, new AuditTrail.Change("CALENDAR_DELETE", ENTRY_SUBJECT, entry.id, entry.kind.name(), null,
                entry.day + " " + entry.name));
        entry.delete();
        changed.fire(new CalendarChanged(entry.day.getYear()));
    }

    /**
     * Replaces a whole year with the schedule in the file and marks the year published. A file with any bad line
     * imports nothing and names every bad line.
     */
    public CalendarYear importYear(Actor actor, String fileText) {
        CalendarFile.Parsed parsed;
        try {
            parsed = CalendarFile.parse(fileText == null ? "" : fileText);
        } catch (CalendarFileException e) {
            throw Problem.badRequest("CALENDAR_FILE_INVALID", "Calendar file refused",
                    "The file has " + e.errors().size() + " problem(s); nothing was imported.")
                    .withErrors(e.errors().stream()
                            .map(error -> new Problem.FieldError("line " + error.line(), error.message())).toList());
        }
        return replaceYear(parsed, actor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String export(int year) {
        requireYearInRange(year);
        String source = CalendarYear.findByYear(year).map(y -> y.source).orElse(null);
        return CalendarFile.write(year, source == null ? "" : source,
                CalendarEntry.listInYear(year).stream().map(CalendarEntry::toDay).toList());
    }

    public static void requireYearInRange(int year) {
        if (year < CalendarFile.FIRST_YEAR || year > CalendarFile.LAST_YEAR) {
            throw Problem.badRequest("DATE_OUT_OF_RANGE", "Date out of range",
                    "The calendar covers the years " + CalendarFile.FIRST_YEAR + " to " + CalendarFile.LAST_YEAR
                            + "; got " + year + ".");
        }
    }

    private CalendarYear replaceYear(CalendarFile.Parsed parsed, Actor actor) {
        CalendarYear year = yearForUpdate(parsed.year());
        CalendarEntry.deleteInYear(parsed.year());
        // the deletes must reach the database before inserts reuse their dates
        CalendarEntry.flush();
        for (CalendarDay day : parsed.days()) {
            CalendarEntry entry = new CalendarEntry();
            entry.id = UUID.randomUUID();
            entry.day = day.date();
            entry.kind = day.kind();
            entry.name = day.name();
            entry.source = parsed.source();
            entry.createdAt = clock.instant();
            entry.persist();
        }
        boolean wasPublished = year.published;
        year.source = parsed.source();
        year.published = true;
        touch(year);
        if (actor != null) {
            audit.record(actor, new AuditTrail.Change("CALENDAR_IMPORT", YEAR_SUBJECT, year.id,
                    wasPublished ? "PUBLISHED" : "UNPUBLISHED", "PUBLISHED",
                    parsed.days().size() + " entries from " + parsed.source()));
        }
        // R32: open deadlines counted on the old schedule are recomputed by the observer in this transaction
        changed.fire(new CalendarChanged(parsed.year()));
        return year;
    }

    /** The year row, locked so concurrent edits of one year apply one after another. */
    private CalendarYear yearForUpdate(int value) {
        CalendarYear year = CalendarYear.find("year", value).withLock(LockModeType.PESSIMISTIC_WRITE)
                .<CalendarYear>firstResultOptional().orElse(null);
        if (year == null) {
            year = new CalendarYear();
            year.id = UUID.randomUUID();
            year.year = value;
            year.published = false;
            year.revision = 0;
            year.updatedAt = clock.instant();
            year.persist();
        }
        return year;
    }

    private void touch(CalendarYear year) {
        year.revision++;
        year.updatedAt = clock.instant();
    }

    private static long revisionKey() {
        Object[] row = (Object[]) CalendarYear.getEntityManager()
                .createQuery("select count(y), coalesce(sum(y.revision), 0) from CalendarYear y").getSingleResult();
        return ((Number) row[0]).longValue() * 1_000_003L + ((Number) row[1]).longValue();
    }
}
