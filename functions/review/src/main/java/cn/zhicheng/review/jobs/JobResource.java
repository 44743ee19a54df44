package cn.zhicheng.review.jobs;

import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.jobs.JobRun;
import cn.zhicheng.core.jobs.JobRunStatus;
import cn.zhicheng.core.jobs.JobRunner;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The scheduled jobs' run records, and running one now, for the HR bureau. */
@Path("/api/jobs")
@RolesAllowed(Role.Names.HR_BUREAU)
public class JobResource {

    private static final int RECENT = 100;

    private final JobRunner jobs;

    public JobResource(JobRunner jobs) {
        this.jobs = jobs;
    }

    /** One run of a job. */
    public record RunView(UUID id, String job, Instant startedAt, Instant finishedAt, JobRunStatus status,
            long processed, long changed, String error, String cursor, UUID resumedFrom, Map<String, Object> details) {
        static RunView of(JobRun r, Map<String, Object> details) {
            return new RunView(r.id, r.job, r.startedAt, r.finishedAt, r.status, r.processed, r.changed, r.error,
                    r.cursor, r.resumedFrom, details);
        }
    }

    @GET
    @Path("/runs")
    public List<RunView> runs() {
        return jobs.recent(RECENT).stream().map(r -> RunView.of(r, Map.of())).toList();
    }

    /** Runs the job now, synchronously; an unknown job is a 404 UNKNOWN_JOB. */
    @POST
    @Path("/{job}/runs")
    public RunView run(@PathParam("job") String job) {
        JobRunner.Outcome outcome = jobs.run(job);
        return RunView.of(outcome.run(), outcome.details());
    }
}
