package cn.zhicheng.local.jobs;

import cn.zhicheng.core.jobs.CloseSubmissionWindowsJob;
import cn.zhicheng.core.jobs.EndNoticePeriodsJob;
import cn.zhicheng.core.jobs.ExpireSeriesFilingsJob;
import cn.zhicheng.core.jobs.JobRunner;
import cn.zhicheng.core.jobs.MarkOverdueJob;
import cn.zhicheng.core.jobs.ReleaseAppointmentCertificatesJob;
import cn.zhicheng.core.jobs.SendRemindersJob;
import cn.zhicheng.core.jobs.VerifyAuditChainJob;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Triggers the deadlines function's jobs locally, on the schedule EventBridge Scheduler keeps in AWS. */
@ApplicationScoped
public class LocalScheduler {

    private final JobRunner jobs;

    public LocalScheduler(JobRunner jobs) {
        this.jobs = jobs;
    }

    @Scheduled(cron = "0 0 1 * * ?", timeZone = "Asia/Shanghai", identity = VerifyAuditChainJob.NAME)
    void verifyAuditChain() {
        jobs.run(VerifyAuditChainJob.NAME);
    }

    /** Hourly, so a deadline due yesterday shows as overdue from the first hour of the day. */
    @Scheduled(cron = "0 5 * * * ?", timeZone = "Asia/Shanghai", identity = MarkOverdueJob.NAME)
    void markOverdue() {
        jobs.run(MarkOverdueJob.NAME);
    }

    @Scheduled(cron = "0 10 * * * ?", timeZone = "Asia/Shanghai", identity = EndNoticePeriodsJob.NAME)
    void endNoticePeriods() {
        jobs.run(EndNoticePeriodsJob.NAME);
    }

    /** Daily at 08:00 China time, the start of the working day. */
    @Scheduled(cron = "0 0 8 * * ?", timeZone = "Asia/Shanghai", identity = SendRemindersJob.NAME)
    void sendReminders() {
        jobs.run(SendRemindersJob.NAME);
    }

    @Scheduled(cron = "0 15 * * * ?", timeZone = "Asia/Shanghai", identity = CloseSubmissionWindowsJob.NAME)
    void closeSubmissionWindows() {
        jobs.run(CloseSubmissionWindowsJob.NAME);
    }

    /** Daily, early: a filing past its 3 years leaves the public catalogue that morning (R22, R23). */
    @Scheduled(cron = "0 30 0 * * ?", timeZone = "Asia/Shanghai", identity = ExpireSeriesFilingsJob.NAME)
    void expireSeriesFilings() {
        jobs.run(ExpireSeriesFilingsJob.NAME);
    }

    /** Hourly: an appointment certificate is released on the day it is due, 15 working days after the upload (R25). */
    @Scheduled(cron = "0 20 * * * ?", timeZone = "Asia/Shanghai", identity = ReleaseAppointmentCertificatesJob.NAME)
    void releaseAppointmentCertificates() {
        jobs.run(ReleaseAppointmentCertificatesJob.NAME);
    }
}
