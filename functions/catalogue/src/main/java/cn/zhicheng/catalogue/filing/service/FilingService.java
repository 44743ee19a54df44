package cn.zhicheng.catalogue.filing.service;

import cn.zhicheng.catalogue.filing.config.FilingConfig;
import cn.zhicheng.catalogue.filing.mapping.FilingView;
import cn.zhicheng.catalogue.filing.rest.FilingRequests;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.catalogue.FilingDueDate;
import cn.zhicheng.core.catalogue.FilingState;
import cn.zhicheng.core.catalogue.FilingTerms;
import cn.zhicheng.core.catalogue.FilingTransition;
import cn.zhicheng.core.catalogue.SeriesFiling;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.deadline.DeadlineView;
import cn.zhicheng.core.deadline.SubjectType;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * R22: a self-evaluating unit files a national series with its city HR bureau, which approves or returns it; an
 * approved filing is valid 3 years less a day, carries its renewal and expiry deadlines, and is renewed by a new
 * filing. Every step is audited; a refused step writes nothing.
 */
@ApplicationScoped
@Transactional
public class FilingService {

    /** Pending or in force: a second filing of the same series and specialty beside one of these is refused. */
    private static final List<FilingState> LIVE = List.of(FilingState.SUBMITTED, FilingState.RETURNED,
            FilingState.APPROVED);

    private final DeadlineService deadlines;
    private final AuditTrail audit;
    private final FilingConfig config;
    private final Clock clock;

    public FilingService(DeadlineService deadlines, AuditTrail audit, FilingConfig config, Clock clock) {
        this.deadlines = deadlines;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** A page of filings and how many there are in all. */
    public record Page(List<FilingView> items, long total) {
    }

    public FilingView submit(Actor actor, FilingRequests.Filing request) {
        Unit unit = Unit.selfEvaluatingOf(actor, false);
        int year = deadlines.today().getYear();
        Series series = requireValid(request, year);
        String specialty = blankToNull(request.specialty());
        SeriesFiling renewed = request.renewsId() == null ? null : renewable(actor, request, specialty);
        SeriesFiling existing = SeriesFiling.<SeriesFiling>find("unitId = ?1 and seriesId = ?2 and state in ?3 "
                + "order by createdAt", unit.id, series.id, LIVE).stream()
                .filter(f -> Objects.equals(f.specialty, specialty))
                .filter(f -> renewed == null || !f.id.equals(renewed.id))
                .findFirst().orElse(null);
        if (existing != null) {
            throw Problem.conflict("FILING_EXISTS", "Series already filed", "The unit has a filing of "
                    + series.nameZh + (specialty == null ? "" : "（" + specialty + "）") + " that is "
                    + existing.state + (existing.state == FilingState.APPROVED ? "; file a renewal of it instead."
                            : "; correct or wait for that one.")).with("filingId", existing.id);
        }
        Unit bureau = unit.cityHrBureau().orElseThrow(() -> Problem.of(422, "NO_HR_BUREAU", "No HR bureau",
                "No HR bureau decides for the unit " + unit.name + "; its city has none on record."));
        SeriesFiling filing = new SeriesFiling();
        filing.id = UUID.randomUUID();
        filing.unitId = unit.id;
        filing.hrBureauId = bureau.id;
        filing.seriesId = series.id;
        filing.filingYear = year;
        filing.renewsId = renewed == null ? null : renewed.id;
        fill(filing, request, specialty);
        filing.state = FilingState.SUBMITTED;
        filing.submittedAt = clock.instant();
        filing.submittedBy = actor.accountId();
        filing.createdAt = filing.submittedAt;
        filing.persist();
        audit.record(actor, change("FILING_SUBMIT", filing, null, series.nameZh
                + (renewed == null ? "" : ", renewing " + renewed.id)));
        return saved(filing);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(Actor actor, FilingState state, int page, int size) {
        String scope = scope(actor);
        UUID unitId = actor.unitId();
        List<SeriesFiling> filings = state == null
                ? SeriesFiling.find(scope + " = ?1 order by submittedAt desc, id", unitId).page(page, size).list()
                : SeriesFiling.find(scope + " = ?1 and state = ?2 order by submittedAt desc, id", unitId, state)
                        .page(page, size).list();
        long total = state == null ? SeriesFiling.count(scope + " = ?1", unitId)
                : SeriesFiling.count(scope + " = ?1 and state = ?2", unitId, state);
        return new Page(views(filings), total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FilingView get(Actor actor, UUID id) {
        return view(visible(actor, id));
    }

    /** The unit corrects a returned filing; it is submitted again. */
    public FilingView correct(Actor actor, UUID id, FilingRequests.Filing request) {
        Unit.selfEvaluatingOf(actor, false);
        SeriesFiling filing = visible(actor, id);
        if (request.version() == null) {
            throw Problem.validation(List.of(new Problem.FieldError("version", "must not be null")));
        }
        Problem.requireVersion("filing", request.version(), filing.version);
        Series series = requireValid(request, filing.filingYear);
        if (!series.id.equals(filing.seriesId)) {
            throw Problem.validation(List.of(new Problem.FieldError("seriesId",
                    "a correction keeps the series filed; file another series separately")));
        }
        FilingState before = FilingTransition.CORRECT.apply(filing);
        fill(filing, request, blankToNull(request.specialty()));
        filing.submittedAt = clock.instant();
        filing.submittedBy = actor.accountId();
        audit.record(actor, change("FILING_CORRECT", filing, before, null));
        return saved(filing);
    }

    /**
     * The HR bureau approves: valid from today for the configured years less a day, with its expiry and renewal
     * deadlines; a renewal ends the filing it renews (RENEWED, its deadlines met).
     */
    public FilingView approve(Actor actor, UUID id, long version, String note) {
        SeriesFiling filing = decidable(actor, id, version);
        FilingTransition.APPROVE.check(filing);
        if (filing.renewsId != null) {
            renew(actor, SeriesFiling.findById(filing.renewsId), filing);
        }
        FilingState before = FilingTransition.APPROVE.apply(filing);
        LocalDate today = deadlines.today();
        filing.decidedAt = clock.instant();
        filing.decidedBy = actor.accountId();
        filing.decisionNote = blankToNull(note);
        filing.validFrom = today;
        filing.validUntil = FilingTerms.validUntil(today, config.validityYears());
        DeadlineService.Owner owner = new DeadlineService.Owner(Role.SELF_EVAL_UNIT, filing.unitId, null, null);
        deadlines.attachDue(DeadlineKind.SERIES_FILING_EXPIRY, filing.id, today, filing.validUntil, owner);
        deadlines.attachDue(DeadlineKind.SERIES_FILING_RENEWAL, filing.id, today, renewalDue(filing.validUntil),
                owner);
        audit.record(actor, change("FILING_APPROVE", filing, before, "valid " + filing.validFrom + " to "
                + filing.validUntil + (filing.decisionNote == null ? "" : ": " + filing.decisionNote)));
        return saved(filing);
    }

    /** The HR bureau returns a submitted filing with the reason, for the unit to correct. */
    public FilingView returnToUnit(Actor actor, UUID id, long version, String reason) {
        SeriesFiling filing = decidable(actor, id, version);
        FilingState before = FilingTransition.RETURN.apply(filing);
        filing.decidedAt = clock.instant();
        filing.decidedBy = actor.accountId();
        filing.decisionNote = reason.trim();
        audit.record(actor, change("FILING_RETURN", filing, before, filing.decisionNote));
        return saved(filing);
    }

    /** The unit or its HR bureau ends an approved filing; it leaves the catalogue and its deadlines are waived. */
    public FilingView cancel(Actor actor, UUID id, long version, String reason) {
        if (actor.role() == Role.SELF_EVAL_UNIT) {
            Unit.selfEvaluatingOf(actor, false);
        }
        SeriesFiling filing = visible(actor, id);
        Problem.requireVersion("filing", version, filing.version);
        FilingState before = FilingTransition.CANCEL.apply(filing);
        filing.endedAt = clock.instant();
        filing.endedReason = reason.trim();
        deadlines.waiveAll(SubjectType.SERIES_FILING, filing.id, "filing cancelled: " + filing.endedReason);
        audit.record(actor, change("FILING_CANCEL", filing, before, filing.endedReason));
        return saved(filing);
    }

    /**
     * R22: the renewal is due by the filing due date of the year the filing expires in, or by its expiry if that
     * comes first; the one place the configured default day meets the year's own date.
     */
    public LocalDate renewalDue(LocalDate validUntil) {
        return FilingTerms.renewalDue(validUntil, FilingDueDate.dueOn(validUntil.getYear(), config.dueDay()));
    }

    private void renew(Actor actor, SeriesFiling old, SeriesFiling renewal) {
        if (old == null || old.state != FilingState.APPROVED) {
            // it expired or was cancelled while the renewal waited: the renewal simply starts afresh
            return;
        }
        FilingState before = FilingTransition.RENEW.apply(old);
        old.endedAt = clock.instant();
        old.endedReason = "renewed by " + renewal.id;
        // one approved filing per series and specialty: the old one leaves before the renewal enters
        SeriesFiling.flush();
        deadlines.meet(DeadlineKind.SERIES_FILING_RENEWAL, old.id);
        deadlines.meet(DeadlineKind.SERIES_FILING_EXPIRY, old.id);
        audit.record(actor, change("FILING_RENEWED", old, before, old.endedReason));
    }

    private SeriesFiling renewable(Actor actor, FilingRequests.Filing request, String specialty) {
        SeriesFiling old = visible(actor, request.renewsId());
        if (old.state != FilingState.APPROVED) {
            throw Problem.conflict("FILING_NOT_APPROVED", "Filing not approved", "Only an approved filing is "
                    + "renewed; the filing " + old.id + " is " + old.state + ".").with("filingId", old.id);
        }
        if (!old.seriesId.equals(request.seriesId()) || !Objects.equals(old.specialty, specialty)) {
            throw Problem.validation(List.of(new Problem.FieldError("renewsId",
                    "a renewal files the same series and specialty as the filing it renews")));
        }
        return old;
    }

    /** The bureau's submitted filing at the version the client loaded. */
    private SeriesFiling decidable(Actor actor, UUID id, long version) {
        SeriesFiling filing = visible(actor, id);
        Problem.requireVersion("filing", version, filing.version);
        return filing;
    }

    /** The fields' checks Bean Validation cannot make: the evaluation years and the national series list (R22). */
    private static Series requireValid(FilingRequests.Filing request, int filingYear) {
        List<Integer> years = request.evaluations().stream().map(FilingRequests.Evaluation::year).toList();
        List<Integer> expected = List.of(filingYear - 3, filingYear - 2, filingYear - 1);
        if (!years.equals(expected)) {
            throw Problem.validation(List.of(new Problem.FieldError("evaluations", "must be the years " + expected
                    + " before the filing year " + filingYear + ", oldest first")));
        }
        Series series = Series.findById(request.seriesId());
        if (series == null || !series.national) {
            throw Problem.rule("R22", 422, "SERIES_NOT_NATIONAL", "Series not national", "A self-evaluating unit "
                    + "files only series of the national list; " + (series == null ? "there is no series "
                    + request.seriesId() : series.nameZh + " is not one of them") + " (R22).")
                    .with("field", "seriesId").withErrors(List.of(new Problem.FieldError("seriesId",
                            "must be a series of the national list")));
        }
        return series;
    }

    private static void fill(SeriesFiling filing, FilingRequests.Filing request, String specialty) {
        filing.specialty = specialty;
        filing.handlingOffice = request.handlingOffice().trim();
        filing.contactName = request.contactName().trim();
        filing.officePhone = request.officePhone();
        filing.mobilePhone = request.mobilePhone();
        filing.professionalCount = request.professionalCount();
        filing.firstEvaluationYear = request.evaluations().get(0).year();
        filing.evaluatedFirst = request.evaluations().get(0).count();
        filing.evaluatedSecond = request.evaluations().get(1).count();
        filing.evaluatedThird = request.evaluations().get(2).count();
    }

    /** The column that scopes the actor's filings: its own unit's, or those its HR bureau decides. */
    private static String scope(Actor actor) {
        if (actor.role() == Role.SELF_EVAL_UNIT) {
            Unit.selfEvaluatingOf(actor, false);
            return "unitId";
        }
        return "hrBureauId";
    }

    /** The filing if the actor may see it; another unit's or bureau's is not found (decision 0005). */
    private static SeriesFiling visible(Actor actor, UUID id) {
        SeriesFiling filing = SeriesFiling.findById(id);
        boolean sees = filing != null && actor.unitId() != null && switch (actor.role()) {
            case SELF_EVAL_UNIT -> actor.unitId().equals(filing.unitId);
            case HR_BUREAU -> actor.unitId().equals(filing.hrBureauId);
            default -> false;
        };
        if (!sees) {
            throw Problem.notFound("FILING_NOT_FOUND", "No filing " + id + " is visible to you.");
        }
        return filing;
    }

    /** The view after the step is written, so that it shows the version the next step must send. */
    private FilingView saved(SeriesFiling filing) {
        SeriesFiling.flush();
        return view(filing);
    }

    private FilingView view(SeriesFiling filing) {
        return views(List.of(filing)).get(0);
    }

    /** The page's views: its units, series and deadlines in one query each, not one per row. */
    private List<FilingView> views(List<SeriesFiling> filings) {
        if (filings.isEmpty()) {
            return List.of();
        }
        Map<UUID, Unit> units = byId(Unit.<Unit>list("id in ?1", filings.stream().map(f -> f.unitId).toList()),
                u -> u.id);
        Map<UUID, Series> series = byId(Series.<Series>list("id in ?1",
                filings.stream().map(f -> f.seriesId).toList()), s -> s.id);
        Map<UUID, List<Deadline>> deadlinesOf = Deadline.<Deadline>list("subjectType = ?1 and subjectId in ?2 "
                + "order by dueDate, id", SubjectType.SERIES_FILING, filings.stream().map(f -> f.id).toList())
                .stream().collect(Collectors.groupingBy(d -> d.subjectId));
        LocalDate today = deadlines.today();
        List<FilingView> views = new ArrayList<>(filings.size());
        for (SeriesFiling f : filings) {
            List<Deadline> own = deadlinesOf.getOrDefault(f.id, List.of());
            LocalDate renewalDue = own.stream().filter(d -> d.kind == DeadlineKind.SERIES_FILING_RENEWAL)
                    .map(d -> d.dueDate).findFirst().orElse(null);
            views.add(FilingView.of(f, units.get(f.unitId), series.get(f.seriesId),
                    own.stream().map(d -> DeadlineView.of(d, deadlines, today)).toList(), renewalDue));
        }
        return views;
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }

    private static AuditTrail.Change change(String action, SeriesFiling filing, FilingState before, String note) {
        return new AuditTrail.Change(action, SeriesFiling.SUBJECT, filing.id, before == null ? null : before.name(),
                filing.state.name(), note);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
