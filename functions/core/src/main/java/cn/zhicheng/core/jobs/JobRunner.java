package cn.zhicheng.core.jobs;

import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.time.ClockProducer;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Runs a scheduled job by name: the one registry of jobs (every {@link Job} bean), used by the deadlines Lambda,
 * the local scheduler and the HR bureau's run-now route alike. Every run is recorded in job_run.
 */
@ApplicationScoped
@Unremovable
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    /** A runaway job stops here rather than looping forever on a cursor that does not advance. */
    private static final int MAX_BATCHES = 1_000_000;

    private final Map<String, Job> jobs = new TreeMap<>();
    private final JobRuns runs;
    private final ZhichengConfig config;
    private final Clock clock;

    public JobRunner(@Any Instance<Job> all, JobRuns runs, ZhichengConfig config, Clock clock) {
        for (Job job : all) {
            if (jobs.put(job.name(), job) != null) {
                throw new IllegalStateException("Two jobs are named " + job.name());
            }
        }
        this.runs = runs;
        this.config = config;
        this.clock = clock;
    }

    /** A finished run and what the job reported beyond its counts. */
    public record Outcome(JobRun run, Map<String, Object> details) {

        public boolean succeeded() {
            return run.status == JobRunStatus.SUCCEEDED;
        }

        /** The run as the Lambda answers it: the record's fields and the job's details. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("job", run.job);
            map.put("runId", run.id.toString());
            map.put("status", run.status.name());
            map.put("processed", run.processed);
            map.put("changed", run.changed);
            if (run.resumedFrom != null) {
                map.put("resumedFrom", run.resumedFrom.toString());
            }
            if (run.error != null) {
                map.put("error", run.error);
            }
            map.putAll(details);
            return map;
        }
    }

    public Set<String> names() {
        return jobs.keySet();
    }

    /** Runs the job to its end, batch by batch; a failing batch ends the run FAILED with its cursor kept. */
    public Outcome run(String name) {
        Job job = jobs.get(name);
        if (job == null) {
            throw Problem.notFound("UNKNOWN_JOB",
                    "There is no job named '" + name + "'; the jobs are " + names() + ".");
        }
        JobRun run = runs.start(name, config.jobs().lease());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA);
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            for (int number = 1; number <= MAX_BATCHES; number++) {
                Job.Batch batch = runs.batch(run.id, job, config.jobs().batchSize(), today, number);
                details.putAll(batch.details());
                if (batch.done()) {
                    Object failure = batch.details().get("failure");
                    JobRunStatus status = failure == null ? JobRunStatus.SUCCEEDED : JobRunStatus.FAILED;
                    return new Outcome(runs.finish(run.id, status, failure == null ? null : failure.toString()),
                            details);
                }
            }
            throw new IllegalStateException("more than " + MAX_BATCHES + " batches");
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s failed (run %s); the next run resumes from its cursor", name, run.id);
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Outcome(runs.finish(run.id, JobRunStatus.FAILED, error), details);
        }
    }

    public List<JobRun> recent(int limit) {
        return runs.recent(limit);
    }
}
