package cn.zhicheng.deadlines.handler;

import cn.zhicheng.core.jobs.JobRunner;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Named;
import java.util.Map;

/** The Lambda entry point EventBridge Scheduler invokes with {@code {"job": "<name>"}}. */
@Named("deadlines")
public class DeadlinesHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final JobRunner jobs;

    public DeadlinesHandler(JobRunner jobs) {
        this.jobs = jobs;
    }

    /**
     * Runs the job and answers its run record. A failed run is thrown, so the invocation fails and the scheduler's
     * retry policy runs it again, which resumes from the failed run's cursor.
     */
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object job = event == null ? null : event.get("job");
        JobRunner.Outcome outcome = jobs.run(job == null ? "" : job.toString());
        if (!outcome.succeeded()) {
            throw new IllegalStateException("Job " + outcome.run().job + " failed: " + outcome.run().error);
        }
        return outcome.toMap();
    }
}
