package cn.zhicheng.review.round.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.Objection;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.round.RoundState;
import cn.zhicheng.core.series.Committee;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** R15: the public result notices, and objections anyone raises while a notice runs. */
@ApplicationScoped
@Transactional
public class PublicNoticeService {

    public static final String OBJECTION_SUBJECT = "OBJECTION";

    private final DeadlineService deadlines;
    private final AuditTrail audit;
    private final Clock clock;

    public PublicNoticeService(DeadlineService deadlines, AuditTrail audit, Clock clock) {
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /** Rounds whose results are or were on notice, latest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewRound> notices() {
        return ReviewRound.listPublished();
    }

    /** Whether the notice runs on the day: its first and last days included. */
    public static boolean running(ReviewRound round, LocalDate today) {
        return round.state == RoundState.NOTICE && round.noticeStartsOn != null
                && !today.isBefore(round.noticeStartsOn) && !today.isAfter(round.noticeEndsOn);
    }

    /** Applications on a round's notice: published results, filed or not. */
    public static boolean onNotice(Application application) {
        ApplicationState state = application.state();
        return state == ApplicationState.RESULT_PUBLICITY || state == ApplicationState.FILED
                || state == ApplicationState.CERTIFIED;
    }

    /**
     * R15: an objection to a published result, only while the notice runs and only about an application on it;
     * the HR bureau must answer it within 10 working days (OBJECTION_ANSWER, the objection its subject).
     */
    public Objection raise(UUID roundId, UUID applicationId, String raisedBy, String contact, String content) {
        ReviewRound round = ReviewRound.findById(roundId);
        if (round == null || (round.state != RoundState.NOTICE && round.state != RoundState.FILED)) {
            throw Problem.notFound("NOTICE_NOT_FOUND", "There is no result notice " + roundId + ".");
        }
        LocalDate today = deadlines.today();
        if (!running(round, today)) {
            throw Problem.rule("R15", 422, "NOTICE_NOT_RUNNING", "Notice not running",
                    "Objections are taken while the notice runs, from " + round.noticeStartsOn + " to "
                            + round.noticeEndsOn + ".")
                    .with("noticeStartsOn", round.noticeStartsOn).with("noticeEndsOn", round.noticeEndsOn);
        }
        Application application = Application.findById(applicationId);
        if (application == null || !roundId.equals(application.roundId)
                || application.state() != ApplicationState.RESULT_PUBLICITY) {
            throw Problem.rule("R15", 422, "NOT_ON_NOTICE", "Not on this notice",
                    "The application " + applicationId + " is not among the results on this notice.");
        }
        Objection objection = new Objection();
        objection.id = UUID.randomUUID();
        objection.applicationId = application.id;
        objection.stage = Objection.Stage.RESULT_NOTICE;
        objection.raisedAt = clock.instant();
        objection.raisedBy = raisedBy.strip();
        objection.contact = contact.strip();
        objection.content = content.strip();
        objection.persist();
        Committee committee = Committee.findById(round.committeeId);
        deadlines.attach(DeadlineKind.OBJECTION_ANSWER, objection.id, today,
                new DeadlineService.Owner(Role.HR_BUREAU, committee.hrBureauId, committee.id, null));
        // raised by a member of the public: no account, so the audit names the person as they gave their name
        Actor publicActor = new Actor(null, null, objection.raisedBy, null, null, null, null);
        audit.record(publicActor, new AuditTrail.Change("OBJECTION_RAISE", OBJECTION_SUBJECT, objection.id, null,
                "OPEN", "R15 result notice of round " + round.id + ", application " + application.id));
        return objection;
    }
}
