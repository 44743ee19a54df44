package cn.zhicheng.core.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The job_run records, each change in its own transaction so progress survives a failing batch. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JobRuns {

    private static final int ERROR_LENGTH = 2000;

    private final FaultInjection faults;
    private final Clock clock;

    public JobRuns(FaultInjection faults, Clock clock) {
        this.faults = faults;
        this.clock = clock;
    }

    /**
     * Records a new run. When the job's previous run failed, or is still RUNNING past the lease (its process died),
     * the new run takes over its cursor; a RUNNING run within the lease is left alone: jobs are idempotent, so
     * running beside it is safe.
     */
    public JobRun start(String job, Duration lease) {
        Instant now = clock.instant();
        JobRun run = new JobRun();
        run.id = UUID.randomUUID();
        run.job = job;
        run.startedAt = now;
        run.status = JobRunStatus.RUNNING;
        JobRun previous = JobRun.latest(job).orElse(null);
        if (previous != null && previous.cursor != null && unfinished(previous, now, lease)) {
            run.cursor = previous.cursor;
            run.resumedFrom = previous.id;
            if (previous.status == JobRunStatus.RUNNING) {
                previous.status = JobRunStatus.FAILED;
                previous.finishedAt = now;
                previous.error = "No end within the lease of " + lease + "; resumed by run " + run.id + ".";
            }
        }
        run.persist();
        return run;
    }

    /** One batch of the job and the run's progress, committed together. */
    public Job.Batch batch(UUID runId, Job job, int size, LocalDate today, int batchNumber) {
        JobRun run = JobRun.findById(runId);
        Job.Batch batch = job.batch(run.cursor, size, today);
        run.processed += batch.processed();
        run.changed += batch.changed();
        if (batch.cursor() != null) {
            run.cursor = batch.cursor();
        }
        faults.beforeCommit(job.name(), batchNumber);
        return batch;
    }

    public JobRun finish(UUID runId, JobRunStatus status, String error) {
        JobRun run = JobRun.findById(runId);
        run.status = status;
        run.finishedAt = clock.instant();
        run.error = error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
        return run;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JobRun> recent(int limit) {
        return JobRun.listRecent(limit);
    }

    private static boolean unfinished(JobRun previous, Instant now, Duration lease) {
        return previous.status == JobRunStatus.FAILED
                || (previous.status == JobRunStatus.RUNNING && previous.startedAt.plus(lease).isBefore(now));
    }
}
