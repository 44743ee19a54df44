package cn.zhicheng.core.deadline;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.application.ApplicationTransitioned;
import cn.zhicheng.core.application.ApplicationsTransitioned;
import cn.zhicheng.core.calendar.CalendarService;
import cn.zhicheng.core.time.ClockProducer;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one hook between the application's steps and their deadlines (R7, R14, R15, R16). Steps of a whole review
 * round (pass list, filing of failed applications, objections) meet theirs in the review function's RoundService.
 */
@ApplicationScoped
@Unremovable
public class DeadlineHooks {

    private final DeadlineService deadlines;
    private final CalendarService calendars;
    private final Clock clock;

    public DeadlineHooks(DeadlineService deadlines, CalendarService calendars, Clock clock) {
        this.deadlines = deadlines;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Runs inside the step's transaction: a refused step leaves no deadline behind. */
    void on(@Observes ApplicationTransitioned event) {
        Application application = event.application();
        step(event.transition(), application.id, () -> application, event.at());
    }

    /** The same for a step of many applications, each loaded only if its step's deadlines need more than the id. */
    void on(@Observes ApplicationsTransitioned event) {
        for (UUID id : event.applicationIds()) {
            step(event.transition(), id, () -> Application.findById(id), event.at());
        }
    }

    private void step(ApplicationTransition transition, UUID id, Supplier<Application> application, Instant at) {
        // the start event's day as people in China count it, whatever the server's zone
        LocalDate day = LocalDate.ofInstant(at, ClockProducer.CHINA);
        switch (transition) {
            case UNIT_REVIEW -> deadlines.restart(DeadlineKind.UNIT_PUBLICITY, application.get(), day);
            case RETURN -> deadlines.waive(DeadlineKind.UNIT_PUBLICITY, id, "returned to the applicant (RETURN)");
            case RECOMMEND -> deadlines.meet(DeadlineKind.UNIT_PUBLICITY, id);
            case PASS, FAIL -> {
                Application decided = application.get();
                deadlines.attach(DeadlineKind.PASS_LIST, decided, day);
                deadlines.attach(DeadlineKind.FILING, decided, day);
                if (decided.roundId != null) {
                    countFromTheLatestReview(decided.roundId, day);
                }
            }
            case PUBLISH_RESULT -> {
                // R14: the pass list is met when the office submits the round's list (RoundService), for passed
                // and failed applications alike; publication comes only after that, so meeting it here again
                // changes nothing in a round and only tidies results published without one (test fixtures)
                deadlines.meet(DeadlineKind.PASS_LIST, id);
                deadlines.attach(DeadlineKind.RESULT_NOTICE, application.get(), day);
            }
            case FILE -> {
                // R16: a failed application's filing is met by the round's filing, which files the whole round
                deadlines.meet(DeadlineKind.RESULT_NOTICE, id);
                deadlines.meet(DeadlineKind.FILING, id);
            }
            case WITHDRAW, VOID_FOR_FRAUD -> deadlines.waiveAll(SubjectType.APPLICATION, id,
                    "application " + transition.to() + " (" + transition + ")");
            default -> {
                // the other steps set no deadline
            }
        }
    }

    /**
     * R14, R16: "after the review" means after the round's last meeting (评审工作结束后), so a later meeting of the
     * same round restarts the open pass-list and filing deadlines of the applications decided at earlier ones.
     */
    private void countFromTheLatestReview(UUID roundId, LocalDate day) {
        // one query per decision: once the first decision of a meeting moved them, the rest find nothing to move
        List<Deadline> earlier = Deadline.list("kind in ?1 and subjectType = ?2 and state = ?3 and startDate < ?4"
                + " and subjectId in (select a.id from Application a where a.roundId = ?5)",
                List.of(DeadlineKind.PASS_LIST, DeadlineKind.FILING), SubjectType.APPLICATION, DeadlineState.OPEN,
                day, roundId);
        earlier.forEach(deadline -> restart(deadline, day));
    }

    private void restart(Deadline deadline, LocalDate start) {
        DeadlineKind.Due due = deadline.kind.due(calendars.calendar(), start);
        deadline.startDate = start;
        deadline.dueDate = due.date();
        deadline.provisional = due.provisional();
        deadline.updatedAt = clock.instant();
    }
}
