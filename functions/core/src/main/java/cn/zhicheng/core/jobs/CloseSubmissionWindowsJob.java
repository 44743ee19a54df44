package cn.zhicheng.core.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * {@code close-submission-windows}: R1: closes submission windows whose deadline has passed, by the server clock.
 * Windows arrive with a later issue, so until then it finds nothing to do; it is scheduled and its runs are
 * recorded already, so the schedule exists before the data does.
 */
@ApplicationScoped
public class CloseSubmissionWindowsJob implements Job {

    public static final String NAME = "close-submission-windows";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Batch batch(String cursor, int size, LocalDate today) {
        return Batch.of(0, 0, cursor, true);
    }
}
