package cn.zhicheng.core.jobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One run of a scheduled job: every run is recorded, with its progress cursor so a crashed run can be resumed. */
@Entity
@Table(name = "job_run")
public class JobRun extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String job;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobRunStatus status;

    @Column(nullable = false)
    public long processed;

    @Column(nullable = false)
    public long changed;

    public String error;

    /** Where the last committed batch stopped; named resume_cursor: CURSOR is reserved in SQL. */
    @Column(name = "resume_cursor")
    public String cursor;

    /** The crashed or failed run this one took over from. */
    @Column(name = "resumed_from")
    public UUID resumedFrom;

    /** The job's latest run, if any. */
    public static Optional<JobRun> latest(String job) {
        return find("job = ?1 order by startedAt desc, id desc", job).firstResultOptional();
    }

    public static List<JobRun> listRecent(int limit) {
        return find("order by startedAt desc, id desc").page(0, limit).list();
    }
}
