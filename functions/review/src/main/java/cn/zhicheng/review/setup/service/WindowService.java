package cn.zhicheng.review.setup.service;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.SubmissionWindow;
import cn.zhicheng.core.series.WindowDeadlines;
import cn.zhicheng.review.setup.rest.SetupRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * R1: each committee's submission windows per series. A window carries its closing deadline, so the office sees it
 * coming and the closing job finds it; whether a window is open is always read from the server clock.
 */
@ApplicationScoped
@Transactional
public class WindowService {

    public static final String SUBJECT = "SUBMISSION_WINDOW";
    private static final UUID NONE = new UUID(0, 0);

    private final SetupAccess access;
    private final WindowDeadlines windowDeadlines;
    private final AuditTrail audit;
    private final Clock clock;

    public WindowService(SetupAccess access, WindowDeadlines windowDeadlines, AuditTrail audit, Clock clock) {
        this.access = access;
        this.windowDeadlines = windowDeadlines;
        this.audit = audit;
        this.clock = clock;
    }

    public List<SubmissionWindow> list(Actor actor, UUID committeeId) {
        access.readable(actor, committeeId);
        return SubmissionWindow.listByCommittee(committeeId);
    }

    public SubmissionWindow get(Actor actor, UUID id) {
        SubmissionWindow window = SubmissionWindow.findById(id);
        if (window == null) {
            throw notFound(id);
        }
        try {
            access.readable(actor, window.committeeId);
        } catch (Problem hidden) {
            throw notFound(id);
        }
        return window;
    }

    /** Windows open now or opening later, for applicants to know when to apply; public. */
    public List<SubmissionWindow> published() {
        return SubmissionWindow.listOpenOrUpcoming(clock.instant());
    }

    /** R1: a window of the committee's own series, not overlapping another of its windows for that series. */
    public SubmissionWindow create(Actor actor, UUID committeeId, SetupRequests.NewWindow request) {
        Committee committee = access.lockedForChange(actor, committeeId);
        if (!committee.seriesId.equals(request.seriesId())) {
            Series own = Series.findById(committee.seriesId);
            throw Problem.rule("R1", 422, "SERIES_NOT_OF_COMMITTEE", "Not the committee's series",
                    "This committee takes applications of " + own.nameZh + " only; open the window for that series.")
                    .with("committeeSeriesId", committee.seriesId);
        }
        requireOrder(request.opensAt(), request.closesAt());
        requireNoOverlap(committee, request.opensAt(), request.closesAt(), NONE);
        SubmissionWindow window = new SubmissionWindow();
        window.id = UUID.randomUUID();
        window.committeeId = committee.id;
        window.seriesId = committee.seriesId;
        window.title = request.title().trim();
        window.opensAt = request.opensAt();
        window.closesAt = request.closesAt();
        window.createdBy = actor.accountId();
        window.createdAt = clock.instant();
        window.persist();
        windowDeadlines.attach(window);
        audit.record(actor, new AuditTrail.Change("WINDOW_CREATE", SUBJECT, window.id, null, null,
                describe(committee, window)));
        return window;
    }

    /** R1: a window's title and dates at the version loaded; its closing deadline moves with it. */
    public SubmissionWindow update(Actor actor, UUID id, SetupRequests.WindowChange request) {
        SubmissionWindow window = SubmissionWindow.findById(id);
        if (window == null || !SetupAccess.manages(actor, Committee.findById(window.committeeId))) {
            throw notFound(id);
        }
        Committee committee = access.lockedForChange(actor, window.committeeId);
        SetupAccess.requireVersion("window", window.version, request.version());
        requireOrder(request.opensAt(), request.closesAt());
        requireNoOverlap(committee, request.opensAt(), request.closesAt(), window.id);
        String before = describe(committee, window);
        window.title = request.title().trim();
        window.opensAt = request.opensAt();
        window.closesAt = request.closesAt();
        windowDeadlines.retime(window);
        // flushed here so a concurrent change is a 409 now and the answer carries the new version
        SubmissionWindow.flush();
        audit.record(actor, new AuditTrail.Change("WINDOW_UPDATE", SUBJECT, window.id, null, null,
                before + " → " + describe(committee, window)));
        return window;
    }

    private static void requireOrder(Instant opensAt, Instant closesAt) {
        if (!closesAt.isAfter(opensAt)) {
            throw Problem.validation(List.of(new Problem.FieldError("closesAt", "must be after opensAt")));
        }
    }

    /** One window at a time per committee and series, so "the window" of R1 is never ambiguous. */
    private static void requireNoOverlap(Committee committee, Instant opensAt, Instant closesAt, UUID self) {
        List<SubmissionWindow> overlapping = SubmissionWindow.listOverlapping(committee.id, committee.seriesId,
                opensAt, closesAt, self);
        if (!overlapping.isEmpty()) {
            SubmissionWindow other = overlapping.get(0);
            throw Problem.rule("R1", 409, "WINDOW_OVERLAPS", "Overlaps another window",
                    "The window \"" + other.title + "\" (" + other.opensAt + " to " + other.closesAt
                            + ") already covers part of this period; change its dates or choose others.")
                    .with("windowId", other.id).with("windowTitle", other.title)
                    .with("windowOpensAt", other.opensAt).with("windowClosesAt", other.closesAt);
        }
    }

    private static String describe(Committee committee, SubmissionWindow window) {
        return committee.code + " \"" + window.title + "\" " + window.opensAt + " to " + window.closesAt;
    }

    private static Problem notFound(UUID id) {
        return Problem.notFound("WINDOW_NOT_FOUND", "No submission window " + id + " is visible to you.");
    }
}
