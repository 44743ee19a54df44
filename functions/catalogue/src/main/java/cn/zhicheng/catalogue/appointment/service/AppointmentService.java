package cn.zhicheng.catalogue.appointment.service;

import cn.zhicheng.catalogue.appointment.mapping.AppointmentColumn;
import cn.zhicheng.catalogue.appointment.mapping.Draft;
import cn.zhicheng.catalogue.appointment.mapping.RowProblem;
import cn.zhicheng.catalogue.appointment.mapping.UploadReport;
import cn.zhicheng.catalogue.appointment.rest.AppointmentRequests;
import cn.zhicheng.core.appointment.Appointment;
import cn.zhicheng.core.appointment.AppointmentState;
import cn.zhicheng.core.appointment.HoldReason;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.deadline.SubjectType;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.storage.EvidenceStore;
import cn.zhicheng.core.storage.ImageType;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A self-evaluating unit's appointment records (R25, R26): one recorded from JSON, read, listed, reported to the
 * personnel department, given its photo, withdrawn before release. Nothing is ever deleted.
 */
@ApplicationScoped
@Transactional
public class AppointmentService {

    /** R27: a passport-style picture, not a scan. */
    public static final long MAX_PHOTO_SIZE = 2L * 1024 * 1024;

    private final AppointmentRecorder recorder;
    private final DeadlineService deadlines;
    private final EvidenceStore store;
    private final AuditTrail audit;
    private final Clock clock;

    public AppointmentService(AppointmentRecorder recorder, DeadlineService deadlines, EvidenceStore store,
            AuditTrail audit, Clock clock) {
        this.recorder = recorder;
        this.deadlines = deadlines;
        this.audit = audit;
        this.store = store;
        this.clock = clock;
    }

    /** A photo and its type. */
    public record Photo(String contentType, byte[] bytes) {
    }

    /** One record from JSON, checked as a sheet row is; refused with its first problem, all of them listed. */
    public Appointment record(Actor actor, AppointmentRequests.Record request) {
        Unit unit = Unit.selfEvaluatingOf(actor, false);
        List<RowProblem> problems = new ArrayList<>();
        Series series = null;
        if (request.seriesId() != null) {
            series = Series.findById(request.seriesId());
            if (series == null) {
                problems.add(RowProblem.of(AppointmentColumn.SERIES, "UNKNOWN_SERIES",
                        "No title series has the id " + request.seriesId() + "."));
            }
        }
        Draft draft = new Draft(blankToNull(request.name()), blankToNull(request.idNumber()), request.sex(), series,
                blankToNull(request.specialty()), blankToNull(request.practisedSpecialty()), request.level(),
                blankToNull(request.post()), request.appointedOn(), request.termStartsOn(), request.termEndsOn(),
                blankToNull(request.committeeName()), blankToNull(request.publicationNumber()), request.reportedOn(),
                blankToNull(request.reportReference()), problems.isEmpty() ? Set.of()
                        : EnumSet.of(AppointmentColumn.SERIES), problems);
        AppointmentRecorder.Outcome outcome = recorder.record(actor, unit.id,
                List.of(new AppointmentRecorder.Entry(null, draft)), null).get(0);
        if (UploadReport.ALREADY_RECORDED.equals(outcome.outcome())) {
            throw Problem.rule("R25", 409, "ALREADY_RECORDED", "Already recorded", "This appointment is recorded "
                    + "already (" + outcome.appointmentId() + ").").with("appointmentId", outcome.appointmentId());
        }
        if (UploadReport.REFUSED.equals(outcome.outcome())) {
            RowProblem first = outcome.problems().get(0);
            String rule = "SERIES_NOT_FILED".equals(first.code()) ? "R23"
                    : "BACKFILL_TERM_ENDED".equals(first.code()) ? "R26" : null;
            Problem problem = rule != null ? Problem.rule(rule, 422, first.code(), "Record refused", first.message())
                    : Problem.of(422, first.code(), "Record refused", first.message());
            throw problem.withErrors(outcome.problems().stream().map(p -> new Problem.FieldError(field(p),
                    p.code() + ": " + p.message())).toList());
        }
        return Appointment.findById(outcome.appointmentId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Appointment get(Actor actor, UUID id) {
        Unit unit = Unit.selfEvaluatingOf(actor, false);
        Appointment appointment = Appointment.findById(id);
        if (appointment == null || !appointment.unitId.equals(unit.id)) {
            throw Problem.notFound("APPOINTMENT_NOT_FOUND", "No appointment record " + id + " is yours.");
        }
        return appointment;
    }

    /** A page of the unit's records, newest first. */
    public record Listing(List<Appointment> items, long total) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing list(Actor actor, AppointmentState state, String q, Boolean backfill, int page, int size) {
        Unit unit = Unit.selfEvaluatingOf(actor, false);
        StringBuilder where = new StringBuilder("unitId = :unit");
        io.quarkus.panache.common.Parameters parameters = io.quarkus.panache.common.Parameters.with("unit", unit.id);
        if (state != null) {
            where.append(" and state = :state");
            parameters.and("state", state);
        }
        if (backfill != null) {
            where.append(" and backfill = :backfill");
            parameters.and("backfill", backfill);
        }
        if (q != null && !q.isBlank()) {
            String text = q.trim();
            if (IdNumber.isValid(text)) {
                where.append(" and personId in (select p.id from Person p where p.idNumber = :q)");
                parameters.and("q", text.toUpperCase(java.util.Locale.ROOT));
            } else {
                where.append(" and holderName like :q");
                parameters.and("q", "%" + text.replace("%", "") + "%");
            }
        }
        var query = Appointment.<Appointment>find(where + " order by createdAt desc, id", parameters);
        return new Listing(query.page(Page.of(page, size)).list(), query.count());
    }

    /** R25: reported to the personnel department; meets the report deadline (late or not). */
    public Appointment report(Actor actor, UUID id, AppointmentRequests.Report request) {
        Appointment appointment = get(actor, id);
        Problem.requireVersion("appointment record", request.version(), appointment.version);
        if (appointment.state == AppointmentState.WITHDRAWN) {
            throw Problem.conflict("APPOINTMENT_WITHDRAWN", "Record withdrawn", "A withdrawn record is not reported.");
        }
        RecordChecks.reportProblem(appointment.appointedOn, request.reportedOn(), deadlines.today())
                .ifPresent(p -> {
                    throw Problem.rule("R25", 422, p.code(), "Report day refused", p.message());
                });
        appointment.reportedOn = request.reportedOn();
        appointment.reportReference = blankToNull(request.reportReference());
        deadlines.meet(DeadlineKind.APPOINTMENT_REPORT, appointment.id);
        audit.record(actor, new AuditTrail.Change("REPORT", AppointmentRecorder.SUBJECT, appointment.id,
                appointment.state.name(), appointment.state.name(), "reported on " + appointment.reportedOn
                        + (appointment.reportReference == null ? "" : ", " + appointment.reportReference)));
        return appointment;
    }

    /** R27: the photo the certificate shows, until it is released; a release held for it is retried next run. */
    public Appointment putPhoto(Actor actor, UUID id, String contentType, byte[] bytes) {
        Appointment appointment = get(actor, id);
        if (appointment.state != AppointmentState.RECORDED) {
            throw Problem.rule("R27", 409, "PHOTO_CLOSED", "Photo can no longer change", "The photo can be uploaded "
                    + "until the certificate is released; the record is " + appointment.state + ".");
        }
        ImageType type = ImageType.of(contentType, bytes).orElseThrow(() -> Problem.rule("R27", 415,
                "PHOTO_TYPE_NOT_ALLOWED", "Photo must be JPEG or PNG",
                "Send the photo as image/png or image/jpeg with the matching file contents."));
        if (bytes.length > MAX_PHOTO_SIZE) {
            throw Problem.rule("R27", 413, "PHOTO_TOO_LARGE", "Photo too large",
                    "The certificate photo may be at most 2 MiB; this one is " + bytes.length + " bytes.");
        }
        String key = "appointments/" + appointment.id + "/photo-" + sha256(bytes) + type.extension();
        store.write(key, bytes, type.mediaType());
        String before = appointment.photoKey == null ? null : "PHOTO";
        appointment.photoKey = key;
        appointment.photoContentType = type.mediaType();
        appointment.photoSize = (long) bytes.length;
        if (appointment.holdReason == HoldReason.PHOTO_MISSING) {
            appointment.holdReason = null;
        }
        audit.record(actor, new AuditTrail.Change("PHOTO_UPLOADED", AppointmentRecorder.SUBJECT, appointment.id,
                before, "PHOTO", type.mediaType() + ", " + bytes.length + " bytes"));
        return appointment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Photo photo(Actor actor, UUID id) {
        Appointment appointment = get(actor, id);
        byte[] bytes = appointment.photoKey == null ? null : store.read(appointment.photoKey).orElse(null);
        if (bytes == null) {
            throw Problem.notFound("PHOTO_NOT_FOUND", "This appointment record has no photo yet.");
        }
        return new Photo(appointment.photoContentType, bytes);
    }

    /** Withdrawn before release, with the reason; it stays kept and listed, its deadlines waived. */
    public Appointment withdraw(Actor actor, UUID id, AppointmentRequests.Withdraw request) {
        Appointment appointment = get(actor, id);
        Problem.requireVersion("appointment record", request.version(), appointment.version);
        if (appointment.state != AppointmentState.RECORDED) {
            throw Problem.rule("R25", 409, "NOT_WITHDRAWABLE", "Cannot be withdrawn",
                    "Only a record whose certificate is not released yet can be withdrawn; this one is "
                            + appointment.state + ".");
        }
        appointment.state = AppointmentState.WITHDRAWN;
        appointment.withdrawnAt = clock.instant();
        appointment.withdrawnReason = request.reason().trim();
        appointment.holdReason = null;
        deadlines.waiveAll(SubjectType.APPOINTMENT, appointment.id, "withdrawn: " + appointment.withdrawnReason);
        audit.record(actor, new AuditTrail.Change("WITHDRAW", AppointmentRecorder.SUBJECT, appointment.id,
                AppointmentState.RECORDED.name(), AppointmentState.WITHDRAWN.name(), appointment.withdrawnReason));
        return appointment;
    }

    private static String field(RowProblem problem) {
        for (AppointmentColumn column : AppointmentColumn.values()) {
            if (column.header().equals(problem.column())) {
                return column.field();
            }
        }
        return null;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
