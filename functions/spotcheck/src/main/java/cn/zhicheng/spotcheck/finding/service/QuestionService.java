package cn.zhicheng.spotcheck.finding.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.spotcheck.Addressee;
import cn.zhicheng.core.spotcheck.ResponseRequest;
import cn.zhicheng.core.spotcheck.SampledApplication;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.spotcheck.finding.rest.FindingRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * R18: applicants, units and departments must cooperate. The office puts a question about a sampled application;
 * its answer is due in N working days on the official calendar (R32), a deadline owned by whoever is asked.
 */
@ApplicationScoped
@Transactional
public class QuestionService {

    public static final String SUBJECT = "SPOT_CHECK_REQUEST";
    /** R18: five working days unless the office gives another number. */
    static final int DEFAULT_WORKING_DAYS = 5;

    private final Samples samples;
    private final DeadlineService deadlines;
    private final AuditTrail audit;
    private final Clock clock;

    public QuestionService(Samples samples, DeadlineService deadlines, AuditTrail audit, Clock clock) {
        this.samples = samples;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /** The office asks; the deadline is attached in the same transaction, owned by the addressee. */
    public UUID ask(Actor actor, UUID drawId, UUID applicationId, FindingRequests.Question request) {
        SpotCheck draw = samples.drawForOffice(actor, drawId);
        SampledApplication sample = samples.sample(draw, applicationId);
        Samples.requireCurrent(draw);
        Samples.requireNotConcluded(sample);
        Application application = Application.findById(applicationId);
        int days = request.workingDays() == null ? DEFAULT_WORKING_DAYS : request.workingDays();
        ResponseRequest question = new ResponseRequest();
        question.id = UUID.randomUUID();
        question.drawId = drawId;
        question.applicationId = applicationId;
        question.addressee = request.addressee();
        question.question = request.question().trim();
        question.requestedBy = actor.accountId();
        question.requestedAt = clock.instant();
        // R32: counted from today on the official calendar; the row's N is the office's, not the kind's
        Deadline deadline = deadlines.attach(DeadlineKind.SPOT_CHECK_RESPONSE, question.id, deadlines.today(), days,
                owner(question.addressee, application));
        question.persist();
        audit.record(actor, new AuditTrail.Change("SPOT_CHECK_ASK", SUBJECT, question.id, null,
                question.addressee.name(), "application " + applicationId + ", due " + deadline.dueDate + " ("
                        + days + " working days): " + question.question));
        return question.id;
    }

    /** The questions addressed to the actor, open ones first, soonest due first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ResponseRequest> addressedTo(Actor actor) {
        return addressed(actor, null, " order by case when r.answeredAt is null then 0 else 1 end, d.dueDate,"
                + " r.requestedAt");
    }

    /** The addressee answers once; answering meets the deadline, even a late answer (its lateness stays visible). */
    public ResponseRequest answer(Actor actor, UUID requestId, FindingRequests.Answer request) {
        ResponseRequest question = addressed(actor, requestId);
        ResponseRequest.getEntityManager().lock(question, LockModeType.PESSIMISTIC_WRITE);
        Problem.requireVersion("question", request.version(), question.version);
        if (question.answeredAt != null) {
            throw Problem.conflict("ALREADY_ANSWERED", "Already answered",
                    "This question was answered on " + question.answeredAt + ".");
        }
        question.answer = request.answer().trim();
        question.answeredBy = actor.accountId();
        question.answeredAt = clock.instant();
        deadlines.meet(DeadlineKind.SPOT_CHECK_RESPONSE, question.id);
        audit.record(actor, new AuditTrail.Change("SPOT_CHECK_ANSWER", SUBJECT, question.id, null, "ANSWERED",
                question.answer));
        ResponseRequest.flush();
        return question;
    }

    private static ResponseRequest addressed(Actor actor, UUID requestId) {
        List<ResponseRequest> found = addressed(actor, requestId, "");
        if (found.isEmpty()) {
            throw Problem.notFound("REQUEST_NOT_FOUND",
                    "No spot-check question " + requestId + " is addressed to you.");
        }
        return found.get(0);
    }

    /**
     * The requests the actor answers, optionally just one: those about their own applications (APPLICANT), their
     * unit's (UNIT_HR) or their bureau's committees' (HR_BUREAU); anyone else answers none.
     */
    private static List<ResponseRequest> addressed(Actor actor, UUID requestId, String orderBy) {
        Addressee addressee = addresseeOf(actor);
        if (addressee == null || (addressee != Addressee.APPLICANT && actor.unitId() == null)) {
            return List.of();
        }
        String scope = switch (addressee) {
            case APPLICANT -> "a.accountId = :scope";
            case UNIT -> "a.unitId = :scope";
            case DEPARTMENT -> "exists (select c.id from Committee c where c.id = a.committeeId"
                    + " and c.hrBureauId = :scope)";
        };
        // each question's deadline is joined for its due date (R32: the deadline row is the one date)
        var query = ResponseRequest.getEntityManager().createQuery("select r from ResponseRequest r, Application a,"
                + " Deadline d where a.id = r.applicationId and d.kind = :kind and d.subjectId = r.id"
                + " and r.addressee = :addressee and " + scope
                + (requestId == null ? "" : " and r.id = :id") + orderBy, ResponseRequest.class)
                .setParameter("kind", DeadlineKind.SPOT_CHECK_RESPONSE)
                .setParameter("addressee", addressee)
                .setParameter("scope", addressee == Addressee.APPLICANT ? actor.accountId() : actor.unitId());
        if (requestId != null) {
            query.setParameter("id", requestId);
        }
        return query.getResultList();
    }

    /** Who must answer: the applicant, the employer unit's HR staff, or the committee's HR bureau. */
    private static DeadlineService.Owner owner(Addressee addressee, Application application) {
        return switch (addressee) {
            case APPLICANT -> new DeadlineService.Owner(Role.APPLICANT, null, application.committeeId,
                    application.accountId);
            case UNIT -> new DeadlineService.Owner(Role.UNIT_HR, application.unitId, application.committeeId, null);
            case DEPARTMENT -> new DeadlineService.Owner(Role.HR_BUREAU,
                    Committee.<Committee>findById(application.committeeId).hrBureauId, application.committeeId, null);
        };
    }

    private static Addressee addresseeOf(Actor actor) {
        if (actor.role() == null) {
            return null;
        }
        return switch (actor.role()) {
            case APPLICANT -> Addressee.APPLICANT;
            case UNIT_HR -> Addressee.UNIT;
            case HR_BUREAU -> Addressee.DEPARTMENT;
            default -> null;
        };
    }
}
