package cn.zhicheng.catalogue.filing;

import static cn.zhicheng.catalogue.filing.FilingTesting.BUREAU;
import static cn.zhicheng.catalogue.filing.FilingTesting.approvedFiling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.catalogue.FilingState;
import cn.zhicheng.core.catalogue.SeriesFiling;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.jobs.ExpireSeriesFilingsJob;
import cn.zhicheng.core.jobs.JobRunner;
import cn.zhicheng.core.jobs.SendRemindersJob;
import cn.zhicheng.core.notification.Notification;
import cn.zhicheng.core.notification.NotificationKind;
import cn.zhicheng.core.notification.NotificationService;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.testing.CatalogueFixtures;
import cn.zhicheng.core.testing.CatalogueFixtures.SelfEvaluatingUnit;
import cn.zhicheng.core.testing.TestCommittees;
import cn.zhicheng.core.time.SettableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R22, R23: a filing's validity running out through the deadlines jobs, and the reminders before it. */
@QuarkusTest
class FilingJobsTest {

    @Inject
    JobRunner jobs;

    @Inject
    NotificationService notifications;

    SettableClock clock;

    @BeforeEach
    void inMarch2026() {
        TestCommittees.signIn(BUREAU);
        clock = TestCommittees.clock();
        clock.set(Instant.parse("2026-03-10T02:00:00Z"));
    }

    @AfterEach
    void systemTimeAgain() {
        clock.reset();
    }

    private static SeriesFiling filing(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> SeriesFiling.findById(id));
    }

    private static Deadline deadline(DeadlineKind kind, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Deadline.findFor(kind, id).orElseThrow());
    }

    @Test
    void R22_anExpiredFilingLeavesTheCatalogue() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        UUID id = approvedFiling(unit.username(), "ARCHIVES", 2026);
        UUID series = FilingTesting.seriesId("ARCHIVES");
        // the last valid day, 2029-03-09: still approved and active
        clock.set(Instant.parse("2029-03-09T02:00:00Z"));
        assertTrue(jobs.run(ExpireSeriesFilingsJob.NAME).succeeded());
        assertEquals(FilingState.APPROVED, filing(id).state);
        clock.set(Instant.parse("2029-03-10T02:00:00Z"));
        assertTrue(jobs.run(ExpireSeriesFilingsJob.NAME).succeeded());
        SeriesFiling expired = filing(id);
        assertEquals(FilingState.EXPIRED, expired.state);
        assertTrue(expired.endedReason.contains("2029-03-09"), expired.endedReason);
        assertEquals(DeadlineState.MET, deadline(DeadlineKind.SERIES_FILING_EXPIRY, id).state);
        assertEquals(DeadlineState.WAIVED, deadline(DeadlineKind.SERIES_FILING_RENEWAL, id).state);
        assertEquals(List.of("FILING_EXPIRE"), QuarkusTransaction.requiringNew().call(() -> AuditEvent
                .<AuditEvent>list("subjectId = ?1 and action = ?2", id, "FILING_EXPIRE").stream()
                .map(e -> e.action).toList()));
        // idempotent: a second run changes nothing
        long events = FilingTesting.auditEvents();
        jobs.run(ExpireSeriesFilingsJob.NAME);
        assertEquals(events, FilingTesting.auditEvents());
        Problem refused = assertThrows(Problem.class, () -> QuarkusTransaction.requiringNew().call(
                () -> SeriesFiling.requireActive(unit.unitId(), series, LocalDate.of(2029, 3, 10))));
        assertEquals("SERIES_NOT_FILED", refused.code());
    }

    @Test
    void R22_aFilingsRenewalAndExpiryAreRemindedThirtyAndSevenDaysAhead() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        UUID id = approvedFiling(unit.username(), "SPORTS", 2026);
        UUID renewal = deadline(DeadlineKind.SERIES_FILING_RENEWAL, id).id;
        UUID expiry = deadline(DeadlineKind.SERIES_FILING_EXPIRY, id).id;
        // both due 2029-03-09; 31 days before, nothing yet
        clock.set(Instant.parse("2029-02-06T02:00:00Z"));
        jobs.run(SendRemindersJob.NAME);
        assertEquals(List.of(), leads(renewal));
        clock.set(Instant.parse("2029-02-07T02:00:00Z"));
        jobs.run(SendRemindersJob.NAME);
        jobs.run(SendRemindersJob.NAME);
        assertEquals(List.of("30D"), leads(renewal));
        assertEquals(List.of("30D"), leads(expiry));
        clock.set(Instant.parse("2029-03-02T02:00:00Z"));
        jobs.run(SendRemindersJob.NAME);
        assertEquals(List.of("30D", "7D"), leads(renewal));
        assertEquals(List.of("30D", "7D"), leads(expiry));
        List<Notification> seen = QuarkusTransaction.requiringNew().call(() -> notifications.listFor(unit.actor()));
        assertEquals(4, seen.stream().filter(n -> n.deadlineId.equals(renewal) || n.deadlineId.equals(expiry))
                .count());
        assertTrue(seen.stream().allMatch(n -> n.recipientRole == Role.SELF_EVAL_UNIT
                && unit.unitId().equals(n.recipientUnitId)));
        SelfEvaluatingUnit other = CatalogueFixtures.selfEvaluatingUnit();
        assertFalse(QuarkusTransaction.requiringNew().call(() -> notifications.listFor(other.actor())).stream()
                .anyMatch(n -> n.deadlineId.equals(renewal)));
    }

    private static List<String> leads(UUID deadlineId) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list(
                "deadlineId = ?1 and kind = ?2 order by createdAt, reminderLead desc", deadlineId,
                NotificationKind.REMINDER).stream().map(n -> n.reminderLead).toList());
    }
}
