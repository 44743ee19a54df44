package cn.zhicheng.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.calendar.CalendarEntry;
import cn.zhicheng.core.calendar.CalendarService;
import cn.zhicheng.core.calendar.DayKind;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.deadline.SubjectType;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.jobs.JobRun;
import cn.zhicheng.core.jobs.JobRunStatus;
import cn.zhicheng.core.notification.Notification;
import cn.zhicheng.core.notification.NotificationKind;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.SubmissionWindow;
import cn.zhicheng.core.series.WindowDeadlines;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.Fixtures;
import cn.zhicheng.deadlines.handler.DeadlinesHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import cn.zhicheng.core.time.SettableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deadline engine and its jobs, run through the Lambda handler as EventBridge Scheduler runs them. */
@QuarkusTest
class DeadlineJobsTest {

    /** Monday 2026-03-09, 10:00 in China. */
    private static final Instant REVIEW_DAY = Instant.parse("2026-03-09T02:00:00Z");
    /** Wednesday 2026-04-08, after the pass list (03-12) and the filing (04-07) are due. */
    private static final Instant AFTER_BOTH = Instant.parse("2026-04-08T02:00:00Z");

    @Inject
    DeadlinesHandler handler;

    SettableClock clock;

    @Inject
    void clock(Clock clock) {
        this.clock = SettableClock.of(clock);
    }

    @Inject
    TestFaults faults;

    @Inject
    CalendarService calendar;

    @Inject
    ApplicationStateMachine machine;

    @Inject
    WindowDeadlines windowDeadlines;

    @AfterEach
    void systemTimeAgain() {
        clock.reset();
    }

    private UUID passedOn(Instant day) {
        clock.set(day);
        return Fixtures.applicationIn(ApplicationState.PASSED);
    }

    private static Deadline deadline(DeadlineKind kind, UUID subjectId) {
        return QuarkusTransaction.requiringNew().call(() -> Deadline.findFor(kind, subjectId).orElseThrow());
    }

    private Map<String, Object> run(String job) {
        return handler.handleRequest(Map.of("job", job), null);
    }

    private static long openPastDue(LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> Deadline.count(
                "state = ?1 and dueDate < ?2 and kind <> ?3", DeadlineState.OPEN, today, DeadlineKind.RESULT_NOTICE));
    }

    @Test
    void R14_R16_walkingToPassedAttachesThePassListAndFilingWithTheirDueDates() {
        UUID id = passedOn(REVIEW_DAY);
        Deadline passList = deadline(DeadlineKind.PASS_LIST, id);
        assertEquals(LocalDate.parse("2026-03-09"), passList.startDate);
        assertEquals(LocalDate.parse("2026-03-12"), passList.dueDate);
        assertEquals(DeadlineState.OPEN, passList.state);
        assertEquals("R14", passList.rule);
        assertEquals(Role.COMMITTEE_OFFICE, passList.ownerRole);
        Deadline filing = deadline(DeadlineKind.FILING, id);
        // 20 working days, skipping the Qingming holiday 04-04..04-06
        assertEquals(LocalDate.parse("2026-04-07"), filing.dueDate);
        assertEquals(Role.HR_BUREAU, filing.ownerRole);
        assertEquals(SubjectType.APPLICATION, filing.subjectType);
        // R7: the unit publicity attached at the unit review was met by the recommendation
        assertEquals(DeadlineState.MET, deadline(DeadlineKind.UNIT_PUBLICITY, id).state);
    }

    @Test
    void R14_markOverdueMarksPastDeadlinesOnceAndRecordsBothRuns() {
        UUID id = passedOn(REVIEW_DAY);
        clock.set(AFTER_BOTH);
        Map<String, Object> first = run("mark-overdue");
        assertEquals("SUCCEEDED", first.get("status"), first.toString());
        assertTrue(((Number) first.get("changed")).longValue() >= 2, first.toString());
        assertEquals(DeadlineState.OVERDUE, deadline(DeadlineKind.PASS_LIST, id).state);
        assertEquals(DeadlineState.OVERDUE, deadline(DeadlineKind.FILING, id).state);

        Map<String, Object> second = run("mark-overdue");
        assertEquals("SUCCEEDED", second.get("status"), second.toString());
        assertEquals(0L, ((Number) second.get("changed")).longValue(), second.toString());
        for (Map<String, Object> outcome : List.of(first, second)) {
            JobRun record = QuarkusTransaction.requiringNew()
                    .call(() -> JobRun.findById(UUID.fromString((String) outcome.get("runId"))));
            assertEquals(JobRunStatus.SUCCEEDED, record.status);
            assertNotNull(record.finishedAt);
        }
    }

    @Test
    void R32_aRunThatFailsInTheMiddleIsResumedFromItsCursorAndCompletes() {
        for (int i = 0; i < 3; i++) {
            passedOn(REVIEW_DAY);
        }
        // an hour later than the other runs, so this test's runs are the job's latest even with frozen clocks
        clock.set(AFTER_BOTH.plusSeconds(3600));
        LocalDate today = LocalDate.parse("2026-04-08");
        faults.failOnce("mark-overdue", 2);
        assertThrows(IllegalStateException.class, () -> run("mark-overdue"));

        JobRun failed = QuarkusTransaction.requiringNew().call(() -> JobRun.latest("mark-overdue").orElseThrow());
        assertEquals(JobRunStatus.FAILED, failed.status);
        assertNotNull(failed.cursor);
        // the first batch (2 rows) committed; the failing one rolled back
        assertEquals(2, failed.changed);
        assertTrue(openPastDue(today) >= 4, "rows after the failing batch are still open");

        Map<String, Object> resumed = run("mark-overdue");
        assertEquals("SUCCEEDED", resumed.get("status"), resumed.toString());
        assertEquals(failed.id.toString(), resumed.get("resumedFrom"));
        assertEquals(0, openPastDue(today));
    }

    @Test
    void R32_aHolidayInsertedBeforeTheDueDateMovesOpenDeadlines() {
        UUID id = passedOn(REVIEW_DAY);
        assertEquals(LocalDate.parse("2026-03-12"), deadline(DeadlineKind.PASS_LIST, id).dueDate);
        CalendarEntry holiday = calendar.add(DemoUsers.actor("hrbureau"), LocalDate.parse("2026-03-11"),
                DayKind.HOLIDAY, "测试假日", null);
        try {
            assertEquals(LocalDate.parse("2026-03-13"), deadline(DeadlineKind.PASS_LIST, id).dueDate);
            assertEquals(LocalDate.parse("2026-04-08"), deadline(DeadlineKind.FILING, id).dueDate);
        } finally {
            calendar.delete(DemoUsers.actor("hrbureau"), holiday.id);
        }
        assertEquals(LocalDate.parse("2026-03-12"), deadline(DeadlineKind.PASS_LIST, id).dueDate);
    }

    @Test
    void R14_aReminderIsSentOnceWhenTheDeadlineIsWithinTwoWorkingDays() {
        UUID id = passedOn(REVIEW_DAY);
        UUID passList = deadline(DeadlineKind.PASS_LIST, id).id;
        UUID filing = deadline(DeadlineKind.FILING, id).id;
        // Tuesday 03-10: the pass list is due Thursday 03-12, two working days on
        clock.set(Instant.parse("2026-03-10T02:00:00Z"));
        assertEquals("SUCCEEDED", run("send-reminders").get("status"));
        Map<String, Object> again = run("send-reminders");
        assertEquals("SUCCEEDED", again.get("status"));
        long reminders = QuarkusTransaction.requiringNew()
                .call(() -> Notification.count("deadlineId = ?1 and kind = ?2", passList, NotificationKind.REMINDER));
        assertEquals(1, reminders);
        Notification reminder = QuarkusTransaction.requiringNew()
                .call(() -> Notification.<Notification>find("deadlineId", passList).firstResult());
        assertEquals(Role.COMMITTEE_OFFICE, reminder.recipientRole);
        assertTrue(reminder.messageEn.contains("2026-03-12"), reminder.messageEn);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Notification.count("deadlineId", filing)));
    }

    @Test
    void R15_theResultNoticeEndsAsMetAndIsNeverOverdue() {
        clock.set(REVIEW_DAY);
        UUID id = Fixtures.applicationIn(ApplicationState.RESULT_PUBLICITY);
        assertEquals(DeadlineState.MET, deadline(DeadlineKind.PASS_LIST, id).state);
        assertEquals(LocalDate.parse("2026-03-16"), deadline(DeadlineKind.RESULT_NOTICE, id).dueDate);
        clock.set(Instant.parse("2026-03-17T02:00:00Z"));
        run("mark-overdue");
        assertEquals(DeadlineState.OPEN, deadline(DeadlineKind.RESULT_NOTICE, id).state);
        assertEquals("SUCCEEDED", run("end-notice-periods").get("status"));
        assertEquals(DeadlineState.MET, deadline(DeadlineKind.RESULT_NOTICE, id).state);
        assertEquals(0L, ((Number) run("end-notice-periods").get("changed")).longValue());
    }

    @Test
    void R1_aClosedWindowHasItsDeadlineMetAndItsOfficeToldOnceOfWhatWasNotAccepted() {
        UUID committee = QuarkusTransaction.requiringNew()
                .call(() -> Committee.<Committee>find("code", "WF-ENG-MID").firstResult().id);
        // March 2030 in China, with a deadline due on its last day, 03-31
        UUID window = QuarkusTransaction.requiringNew().call(() -> {
            SubmissionWindow w = new SubmissionWindow();
            w.id = UUID.randomUUID();
            w.committeeId = committee;
            w.seriesId = Committee.<Committee>findById(committee).seriesId;
            w.title = "2030年度工程技术职称申报";
            w.opensAt = Instant.parse("2030-02-28T16:00:00Z");
            w.closesAt = Instant.parse("2030-03-31T16:00:00Z");
            w.createdAt = Instant.now();
            w.persist();
            windowDeadlines.attach(w);
            return w.id;
        });
        Fixtures.applicationIn(ApplicationState.VETTED);
        assertEquals(LocalDate.parse("2030-03-31"), deadline(DeadlineKind.SUBMISSION_WINDOW_CLOSE, window).dueDate);

        clock.set(Instant.parse("2030-03-31T15:00:00Z"));
        assertEquals("SUCCEEDED", run("close-submission-windows").get("status"));
        assertEquals(DeadlineState.OPEN, deadline(DeadlineKind.SUBMISSION_WINDOW_CLOSE, window).state);

        clock.set(Instant.parse("2030-04-01T02:00:00Z"));
        Map<String, Object> closing = run("close-submission-windows");
        assertEquals("SUCCEEDED", closing.get("status"), closing.toString());
        Deadline met = deadline(DeadlineKind.SUBMISSION_WINDOW_CLOSE, window);
        assertEquals(DeadlineState.MET, met.state);
        // the demo windows of the seeding year closed too, and got their deadline on the way
        UUID seeded = QuarkusTransaction.requiringNew().call(() -> SubmissionWindow.listByCommittee(committee)
                .stream().filter(w -> !w.id.equals(window)).findFirst().orElseThrow().id);
        assertEquals(DeadlineState.MET, deadline(DeadlineKind.SUBMISSION_WINDOW_CLOSE, seeded).state);
        Notification notice = QuarkusTransaction.requiringNew()
                .call(() -> Notification.<Notification>find("deadlineId", met.id).singleResult());
        assertEquals(Role.COMMITTEE_OFFICE, notice.recipientRole);
        assertEquals(committee, notice.recipientCommitteeId);
        assertTrue(notice.messageZh.contains("2030年度工程技术职称申报"), notice.messageZh);

        Map<String, Object> again = run("close-submission-windows");
        assertEquals(0L, ((Number) again.get("changed")).longValue(), again.toString());
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Notification.count("deadlineId", met.id)));
    }

    @Test
    void R7_withdrawingDuringTheUnitPublicityWaivesItsDeadline() {
        clock.set(REVIEW_DAY);
        UUID id = Fixtures.applicationIn(ApplicationState.UNIT_PUBLICITY);
        assertEquals(DeadlineState.OPEN, deadline(DeadlineKind.UNIT_PUBLICITY, id).state);
        Actor applicant = DemoUsers.actor("applicant");
        QuarkusTransaction.requiringNew().run(() -> machine.apply(Application.findById(id),
                ApplicationTransition.WITHDRAW, applicant, "test"));
        Deadline publicity = deadline(DeadlineKind.UNIT_PUBLICITY, id);
        assertEquals(DeadlineState.WAIVED, publicity.state);
        assertNotNull(publicity.waivedReason);
    }
}
