package cn.zhicheng.core.jobs;

import java.time.LocalDate;
import java.util.Map;

/**
 * A scheduled job, run by name through {@link JobRunner}. The runner calls {@link #batch} repeatedly, each call in
 * a transaction {@link JobRuns} opens for the batch and the run's progress together (so jobs carry no transaction
 * annotations of their own), until a batch reports it is done; a job must be idempotent (a second run changes
 * nothing) and walk its rows by a keyset cursor so a crashed run can resume.
 */
public interface Job {

    /** The name schedulers and the API call it by, e.g. {@code mark-overdue}. */
    String name();

    /** Processes at most {@code size} rows after the cursor (null: from the start), on the given day in China. */
    Batch batch(String cursor, int size, LocalDate today);

    /** What one batch did, where the next one starts, whether the job is finished, and any job-specific facts. */
    record Batch(int processed, int changed, String cursor, boolean done, Map<String, Object> details) {

        public static Batch of(int processed, int changed, String cursor, boolean done) {
            return new Batch(processed, changed, cursor, done, Map.of());
        }
    }
}
