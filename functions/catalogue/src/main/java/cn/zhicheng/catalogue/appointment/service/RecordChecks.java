package cn.zhicheng.catalogue.appointment.service;

import cn.zhicheng.catalogue.appointment.mapping.AppointmentColumn;
import cn.zhicheng.catalogue.appointment.mapping.Draft;
import cn.zhicheng.catalogue.appointment.mapping.RowProblem;
import cn.zhicheng.catalogue.appointment.repository.AppointmentReads;
import cn.zhicheng.core.catalogue.SeriesFiling;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.InvalidIdNumberException;
import cn.zhicheng.core.person.NameMatcher;
import cn.zhicheng.core.person.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The checks of one appointment record (R23, R25, R26), the one place each rule is checked for the JSON route and
 * the sheet rows alike. Everything it needs is read beforehand in bulk into a {@link Context}, so checking a sheet
 * of thousands of rows asks the database nothing per row.
 */
final class RecordChecks {

    /**
     * What the checks read: today, the persons known by ID number (and those the same upload creates), and the
     * unit's filings that were ever approved, by series.
     */
    record Context(LocalDate today, Map<String, Person> persons, Map<UUID, List<SeriesFiling>> filings) {
    }

    /** A checked record: its problems, and when it has none, what it resolved to. */
    record Checked(List<RowProblem> problems, IdNumber idNumber, Person person, SeriesFiling filing, boolean backfill,
            AppointmentReads.RecordedKey key) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private RecordChecks() {
    }

    static Checked check(Draft d, Context context) {
        List<RowProblem> problems = new ArrayList<>(d.problems());
        LocalDate today = context.today();
        text(problems, d, AppointmentColumn.NAME, d.name(), true);
        IdNumber idNumber = null;
        if (required(problems, d, AppointmentColumn.ID_NUMBER, d.idNumber())) {
            try {
                idNumber = IdNumber.parse(d.idNumber(), today);
            } catch (InvalidIdNumberException e) {
                problems.add(RowProblem.of(AppointmentColumn.ID_NUMBER, "INVALID_ID_NUMBER", e.getMessage()));
            }
        }
        Person person = idNumber == null ? null : context.persons().get(idNumber.value());
        if (person != null && d.name() != null && !NameMatcher.sameName(person.name, d.name())) {
            problems.add(RowProblem.of(AppointmentColumn.NAME, "NAME_MISMATCH", "The ID number is " + person.name
                    + "'s; the name must be the same as in the person's record."));
        }
        if (required(problems, d, AppointmentColumn.SEX, d.sex()) && idNumber != null && d.sex() != idNumber.sex()) {
            problems.add(RowProblem.of(AppointmentColumn.SEX, "SEX_MISMATCH", "The ID number is of a "
                    + (idNumber.sex() == cn.zhicheng.core.person.Sex.MALE ? "man (男)" : "woman (女)") + "."));
        }
        required(problems, d, AppointmentColumn.SERIES, d.series());
        text(problems, d, AppointmentColumn.SPECIALTY, d.specialty(), true);
        text(problems, d, AppointmentColumn.PRACTISED_SPECIALTY, d.practisedSpecialty(), false);
        required(problems, d, AppointmentColumn.LEVEL, d.level());
        text(problems, d, AppointmentColumn.POST, d.post(), true);
        if (required(problems, d, AppointmentColumn.APPOINTED_ON, d.appointedOn()) && d.appointedOn().isAfter(today)) {
            problems.add(RowProblem.of(AppointmentColumn.APPOINTED_ON, "FUTURE_DATE", "The appointment day "
                    + d.appointedOn() + " is after today; record an appointment once it is made."));
        }
        boolean starts = required(problems, d, AppointmentColumn.TERM_STARTS_ON, d.termStartsOn());
        boolean ends = required(problems, d, AppointmentColumn.TERM_ENDS_ON, d.termEndsOn());
        if (starts && ends && !d.termEndsOn().isAfter(d.termStartsOn())) {
            problems.add(RowProblem.of(AppointmentColumn.TERM_ENDS_ON, "TERM_ORDER", "The term ends on "
                    + d.termEndsOn() + ", not after it starts (" + d.termStartsOn() + ")."));
        }
        text(problems, d, AppointmentColumn.COMMITTEE_NAME, d.committeeName(), true);
        text(problems, d, AppointmentColumn.PUBLICATION_NUMBER, d.publicationNumber(), true);
        reportProblem(d.appointedOn(), d.reportedOn(), today).ifPresent(problems::add);
        text(problems, d, AppointmentColumn.REPORT_REFERENCE, d.reportReference(), false);

        SeriesFiling active = null;
        boolean backfill = false;
        if (d.series() != null) {
            List<SeriesFiling> filings = context.filings().getOrDefault(d.series().id, List.of());
            active = filings.stream().filter(f -> f.activeOn(today)).findFirst().orElse(null);
            if (active == null) {
                problems.add(RowProblem.of(AppointmentColumn.SERIES, "SERIES_NOT_FILED", "The unit has no active "
                        + "filing of " + d.series().nameZh + " today; appointments are recorded only in a series "
                        + "filed in the catalogue (R23)."));
            } else if (d.appointedOn() != null) {
                Optional<LocalDate> first = filings.stream().map(f -> f.validFrom).min(Comparator.naturalOrder());
                backfill = first.isPresent() && d.appointedOn().isBefore(first.get());
                if (backfill && d.termEndsOn() != null && d.termEndsOn().isBefore(today)) {
                    problems.add(RowProblem.of(AppointmentColumn.TERM_ENDS_ON, "BACKFILL_TERM_ENDED", "Appointed "
                            + "before the series was filed (" + first.get() + "), it could be backfilled only while "
                            + "its term runs; the term ended on " + d.termEndsOn() + " (R26)."));
                } else if (!backfill && filings.stream().noneMatch(f -> covers(f, d.appointedOn()))) {
                    problems.add(RowProblem.of(AppointmentColumn.APPOINTED_ON, "SERIES_NOT_FILED", "On "
                            + d.appointedOn() + " the unit had no active filing of " + d.series().nameZh + " (R23)."));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(List.copyOf(problems), idNumber, person, null, false, null);
        }
        return new Checked(List.of(), idNumber, person, active, backfill,
                new AppointmentReads.RecordedKey(idNumber.value(), d.series().id, d.level(), d.appointedOn()));
    }

    /** R25: the day it was reported to the personnel department is neither before the appointment nor to come. */
    static Optional<RowProblem> reportProblem(LocalDate appointedOn, LocalDate reportedOn, LocalDate today) {
        if (reportedOn == null) {
            return Optional.empty();
        }
        if (appointedOn != null && reportedOn.isBefore(appointedOn)) {
            return Optional.of(RowProblem.of(AppointmentColumn.REPORTED_ON, "REPORT_BEFORE_APPOINTMENT",
                    "It was reported on " + reportedOn + ", before the appointment (" + appointedOn + ")."));
        }
        if (reportedOn.isAfter(today)) {
            return Optional.of(RowProblem.of(AppointmentColumn.REPORTED_ON, "FUTURE_DATE", "The report day "
                    + reportedOn + " is after today."));
        }
        return Optional.empty();
    }

    /** The filing was in force on the day: approved then, whatever became of it since (expired, renewed). */
    private static boolean covers(SeriesFiling filing, LocalDate day) {
        return filing.validFrom != null && !day.isBefore(filing.validFrom)
                && (filing.validUntil == null || !day.isAfter(filing.validUntil));
    }

    private static boolean required(List<RowProblem> problems, Draft d, AppointmentColumn column, Object value) {
        if (value != null) {
            return true;
        }
        if (!d.unreadable(column)) {
            problems.add(RowProblem.of(column, "REQUIRED", column.header() + " is required."));
        }
        return false;
    }

    private static void text(List<RowProblem> problems, Draft d, AppointmentColumn column, String value,
            boolean required) {
        if (required && !required(problems, d, column, value)) {
            return;
        }
        if (value != null && value.codePointCount(0, value.length()) > column.maxLength()) {
            problems.add(RowProblem.of(column, "TOO_LONG", column.header() + " may be at most "
                    + column.maxLength() + " characters."));
        }
    }
}
