package cn.zhicheng.core.deadline;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationTransitioned;
import cn.zhicheng.core.time.ClockProducer;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;

/** The one hook between the application's steps and their deadlines (R7, R14, R15, R16). */
@ApplicationScoped
@Unremovable
public class DeadlineHooks {

    private final DeadlineService deadlines;

    public DeadlineHooks(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    /** Runs inside the step's transaction: a refused step leaves no deadline behind. */
    void on(@Observes ApplicationTransitioned event) {
        Application application = event.application();
        // the start event's day as people in China count it, whatever the server's zone
        LocalDate day = LocalDate.ofInstant(event.at(), ClockProducer.CHINA);
        switch (event.transition()) {
            case UNIT_REVIEW -> deadlines.attach(DeadlineKind.UNIT_PUBLICITY, application, day);
            case RECOMMEND -> deadlines.meet(DeadlineKind.UNIT_PUBLICITY, application.id);
            case PASS, FAIL -> {
                deadlines.attach(DeadlineKind.PASS_LIST, application, day);
                deadlines.attach(DeadlineKind.FILING, application, day);
            }
            case PUBLISH_RESULT -> {
                deadlines.meet(DeadlineKind.PASS_LIST, application.id);
                deadlines.attach(DeadlineKind.RESULT_NOTICE, application, day);
            }
            case FILE -> {
                deadlines.meet(DeadlineKind.RESULT_NOTICE, application.id);
                deadlines.meet(DeadlineKind.FILING, application.id);
            }
            case WITHDRAW, VOID_FOR_FRAUD -> deadlines.waiveAll(SubjectType.APPLICATION, application.id,
                    "application " + event.transition().to() + " (" + event.transition() + ")");
            default -> {
                // the other steps set no deadline
            }
        }
    }
}
