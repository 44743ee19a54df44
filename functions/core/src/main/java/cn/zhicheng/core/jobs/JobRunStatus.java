package cn.zhicheng.core.jobs;

/** A run's state; a RUNNING run older than the lease is taken to have crashed and is resumed. */
public enum JobRunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
}
