package cn.zhicheng.catalogue.appointment.service;

import cn.zhicheng.catalogue.appointment.mapping.Draft;
import cn.zhicheng.catalogue.appointment.mapping.RowProblem;
import cn.zhicheng.catalogue.appointment.mapping.UploadReport;
import cn.zhicheng.catalogue.appointment.repository.AppointmentReads;
import cn.zhicheng.core.appointment.AppointmentState;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.catalogue.SeriesFiling;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.persistence.BatchInsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Checks appointment records and writes the accepted ones (R25, R26), for one record from JSON and for the rows of
 * a sheet alike: what the checks need is read in bulk first, every record is checked, and the accepted ones are
 * written together (persons it introduces, the records, their deadlines and audit events) in the caller's
 * transaction. Refused records write nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AppointmentRecorder {

    public static final String SUBJECT = "APPOINTMENT";
    private static final List<String> PERSON_COLUMNS = List.of("id", "name", "id_number", "sex", "birth_date",
            "created_at");
    private static final List<String> COLUMNS = List.of("id", "unit_id", "person_id", "filing_id", "series_id",
            "holder_name", "sex", "specialty", "practised_specialty", "level", "post", "appointed_on",
            "term_starts_on", "term_ends_on", "committee_name", "publication_number", "reported_on",
            "report_reference", "backfill", "state", "upload_id", "upload_row", "uploaded_on", "recorded_by",
            "version", "created_at");

    private final AppointmentReads reads;
    private final DeadlineService deadlines;
    private final AuditTrail audit;
    private final BatchInsert batch;
    private final Clock clock;

    public AppointmentRecorder(AppointmentReads reads, DeadlineService deadlines, AuditTrail audit, BatchInsert batch,
            Clock clock) {
        this.reads = reads;
        this.deadlines = deadlines;
        this.audit = audit;
        this.batch = batch;
        this.clock = clock;
    }

    /** A record to check: its draft and its row in the sheet (null for one record from JSON). */
    public record Entry(Integer row, Draft draft) {
    }

    /** What became of a record: its outcome, the appointment it made or found, and its problems. */
    public record Outcome(Entry entry, String outcome, UUID appointmentId, String idNumberMasked,
            List<RowProblem> problems) {

        public UploadReport.RowReport report() {
            return new UploadReport.RowReport(entry.row() == null ? 0 : entry.row(), outcome, appointmentId,
                    entry.draft().name(), idNumberMasked, problems);
        }
    }

    /** Checks every record and writes the accepted ones, under the upload when there is one. */
    public List<Outcome> record(Actor actor, UUID unitId, List<Entry> entries, UUID uploadId) {
        LocalDate today = deadlines.today();
        Instant now = clock.instant();
        List<String> idNumbers = entries.stream().map(e -> e.draft().idNumber()).filter(Objects::nonNull)
                .map(AppointmentReads::normalisedIdNumber).distinct().toList();
        Map<String, Person> persons = reads.personsByIdNumber(idNumbers);
        Map<AppointmentReads.RecordedKey, UUID> recorded = reads.recordedKeys(unitId, idNumbers);
        RecordChecks.Context context = new RecordChecks.Context(today, persons, reads.filingsEverApproved(unitId));

        Map<AppointmentReads.RecordedKey, Integer> seen = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>(entries.size());
        List<Object[]> newPersons = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<DeadlineService.Attach> attaches = new ArrayList<>();
        List<AuditTrail.Change> changes = new ArrayList<>();
        DeadlineService.Owner owner = new DeadlineService.Owner(Role.SELF_EVAL_UNIT, unitId, null, null);
        for (Entry entry : entries) {
            Draft d = entry.draft();
            RecordChecks.Checked checked = RecordChecks.check(d, context);
            String masked = checked.idNumber() != null ? checked.idNumber().masked()
                    : d.idNumber() == null ? null : cn.zhicheng.core.person.IdNumber.mask(d.idNumber().trim());
            if (!checked.ok()) {
                outcomes.add(new Outcome(entry, UploadReport.REFUSED, null, masked, checked.problems()));
                continue;
            }
            AppointmentReads.RecordedKey key = checked.key();
            if (recorded.containsKey(key)) {
                outcomes.add(new Outcome(entry, UploadReport.ALREADY_RECORDED, recorded.get(key), masked,
                        List.of(new RowProblem(null, "ALREADY_RECORDED", "This appointment is recorded already."))));
                continue;
            }
            Integer first = seen.putIfAbsent(key, entry.row() == null ? 0 : entry.row());
            if (first != null) {
                outcomes.add(new Outcome(entry, UploadReport.REFUSED, null, masked, List.of(new RowProblem(null,
                        "DUPLICATE_ROW", "The same appointment as row " + first + " of this sheet."))));
                continue;
            }
            Person person = checked.person();
            if (person == null) {
                person = Person.create(d.name(), checked.idNumber(), now);
                persons.put(person.idNumber, person);
                newPersons.add(new Object[] {person.id, person.name, person.idNumber, person.sex.name(),
                    person.birthDate, person.createdAt});
            }
            UUID id = UUID.randomUUID();
            SeriesFiling filing = checked.filing();
            rows.add(new Object[] {id, unitId, person.id, filing.id, d.series().id, person.name, d.sex().name(),
                d.specialty(), d.practisedSpecialty() == null ? d.specialty() : d.practisedSpecialty(),
                d.level().name(), d.post(), d.appointedOn(), d.termStartsOn(), d.termEndsOn(), d.committeeName(),
                d.publicationNumber(), d.reportedOn(), d.reportReference(), checked.backfill(),
                AppointmentState.RECORDED.name(), uploadId, entry.row(), today, actor.accountId(), 0L, now});
            if (!checked.backfill()) {
                // R26: a backfill was appointed before the filing; its report and upload days had long passed
                attaches.add(new DeadlineService.Attach(DeadlineKind.APPOINTMENT_REPORT, id, d.appointedOn(), owner,
                        d.reportedOn() != null));
                attaches.add(new DeadlineService.Attach(DeadlineKind.APPOINTMENT_UPLOAD, id, d.appointedOn(), owner,
                        true));
            }
            attaches.add(new DeadlineService.Attach(DeadlineKind.CERTIFICATE_RELEASE, id, today, owner, false));
            changes.add(new AuditTrail.Change(checked.backfill() ? "BACKFILL" : "RECORD", SUBJECT, id, null,
                    AppointmentState.RECORDED.name(), (entry.row() == null ? "" : "row " + entry.row() + ": ")
                            + d.series().nameZh + " " + d.level().nameZh() + ", " + d.appointedOn()));
            outcomes.add(new Outcome(entry, UploadReport.ACCEPTED, id, masked, List.of()));
        }
        if (!rows.isEmpty()) {
            batch.insert("person", PERSON_COLUMNS, newPersons);
            batch.insert("appointment", COLUMNS, rows);
            deadlines.attachAll(attaches);
            audit.recordAll(actor, changes);
        }
        return outcomes;
    }
}
