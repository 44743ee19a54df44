package cn.zhicheng.local.jobs;

import cn.zhicheng.deadlines.service.JobRunner;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Triggers the deadlines function's jobs locally, on the schedule EventBridge Scheduler keeps in AWS. */
@ApplicationScoped
public class LocalScheduler {

    private final JobRunner jobs;

    public LocalScheduler(JobRunner jobs) {
        this.jobs = jobs;
    }

    @Scheduled(cron = "0 0 1 * * ?", timeZone = "Asia/Shanghai", identity = JobRunner.VERIFY_AUDIT_CHAIN)
    void verifyAuditChain() {
        jobs.run(JobRunner.VERIFY_AUDIT_CHAIN);
    }
}
