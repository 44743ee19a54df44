package cn.zhicheng.deadlines.handler;

import cn.zhicheng.deadlines.service.JobRunner;
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

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object job = event == null ? null : event.get("job");
        return jobs.run(job == null ? "" : job.toString());
    }
}
