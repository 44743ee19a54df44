package cn.zhicheng.core.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.calendar.ShippedCalendars;
import cn.zhicheng.core.calendar.WorkingDayCalendar;
import cn.zhicheng.core.identity.Role;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The deadline kinds' due dates on the shipped 2025 and 2026 schedules (R7, R11, R14–R17, R32). */
class DeadlineKindTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.of(ShippedCalendars.load());

    private static LocalDate due(DeadlineKind kind, String start) {
        return kind.due(CALENDAR, LocalDate.parse(start)).date();
    }

    @Test
    void R14_passListDeadlineIsThreeWorkingDaysAfterTheReview() {
        assertEquals(LocalDate.parse("2026-03-12"), due(DeadlineKind.PASS_LIST, "2026-03-09"));
        // across National Day: 10-01..10-07 skipped
        DeadlineKind.Due due = DeadlineKind.PASS_LIST.due(CALENDAR, LocalDate.parse("2026-09-28"));
        assertEquals(LocalDate.parse("2026-10-08"), due.date());
        assertTrue(due.inEnglish().contains("National Day"), due.inEnglish());
        assertTrue(due.inChinese().contains("国庆节"), due.inChinese());
        assertEquals(Role.COMMITTEE_OFFICE, DeadlineKind.PASS_LIST.ownerRole());
    }

    @Test
    void R16_filingIsTwentyWorkingDaysAfterTheReview() {
        assertEquals(LocalDate.parse("2026-04-07"), due(DeadlineKind.FILING, "2026-03-09"));
        assertEquals(LocalDate.parse("2026-10-30"), due(DeadlineKind.FILING, "2026-09-28"));
        assertEquals("R16", DeadlineKind.FILING.rule());
    }

    @Test
    void R15_theNoticeRunsFiveWorkingDaysAndAnObjectionIsAnsweredInTen() {
        assertEquals(LocalDate.parse("2026-03-16"), due(DeadlineKind.RESULT_NOTICE, "2026-03-09"));
        // counts the adjusted working day Saturday 10-10
        assertEquals(LocalDate.parse("2026-10-10"), due(DeadlineKind.RESULT_NOTICE, "2026-09-28"));
        assertTrue(DeadlineKind.RESULT_NOTICE.period());
        assertEquals(LocalDate.parse("2026-03-23"), due(DeadlineKind.OBJECTION_ANSWER, "2026-03-09"));
        assertEquals(LocalDate.parse("2026-10-16"), due(DeadlineKind.OBJECTION_ANSWER, "2026-09-28"));
        assertEquals(SubjectType.OBJECTION, DeadlineKind.OBJECTION_ANSWER.subjectType());
    }

    @Test
    void R29_theIssuanceReportIsDueOnTheLastDayOfJanuaryAfterTheYear() {
        DeadlineKind.Due due = DeadlineKind.ISSUANCE_REPORT.due(CALENDAR, LocalDate.parse("2027-01-01"));
        assertEquals(LocalDate.parse("2027-01-31"), due.date());
        assertEquals("R29", DeadlineKind.ISSUANCE_REPORT.rule());
        assertEquals(Role.HR_BUREAU, DeadlineKind.ISSUANCE_REPORT.ownerRole());
        assertEquals(SubjectType.ISSUANCE_REPORT, DeadlineKind.ISSUANCE_REPORT.subjectType());
        assertFalse(DeadlineKind.ISSUANCE_REPORT.period());
    }

    @Test
    void R7_theUnitPublicityRunsFiveWorkingDaysFromTheUnitReview() {
        assertEquals(LocalDate.parse("2026-03-16"), due(DeadlineKind.UNIT_PUBLICITY, "2026-03-09"));
        assertEquals(Role.UNIT_HR, DeadlineKind.UNIT_PUBLICITY.ownerRole());
    }

    @Test
    void R11_theMeetingApplicationIsDueFiveWorkingDaysBeforeTheMeeting() {
        LocalDate meeting = LocalDate.parse("2026-03-09");
        LocalDate due = DeadlineKind.MEETING_APPLICATION.due(CALENDAR, meeting).date();
        assertEquals(LocalDate.parse("2026-03-02"), due);
        assertEquals(5, CALENDAR.workingDaysBetween(due, meeting));
        // before the 10-12 meeting, National Day is skipped and the adjusted Saturday 10-10 counts
        LocalDate afterHolidays = LocalDate.parse("2026-10-12");
        LocalDate early = DeadlineKind.MEETING_APPLICATION.due(CALENDAR, afterHolidays).date();
        assertEquals(LocalDate.parse("2026-09-29"), early);
        assertEquals(5, CALENDAR.workingDaysBetween(early, afterHolidays));
        assertTrue(CALENDAR.isWorkingDay(early));
    }

    @Test
    void R17_committeesFinishByFixedDatesOfTheYear() {
        assertEquals(LocalDate.parse("2026-11-30"), due(DeadlineKind.INTERMEDIATE_FINISH, "2026-03-01"));
        assertEquals(LocalDate.parse("2026-12-31"), due(DeadlineKind.INTERMEDIATE_SUMMARY, "2026-03-01"));
        assertEquals(LocalDate.parse("2026-12-31"), due(DeadlineKind.JUNIOR_FINISH, "2026-03-01"));
        assertEquals(DayType.FIXED, DeadlineKind.INTERMEDIATE_FINISH.dayType());
    }

    @Test
    void R32_aDueDateInTwentyTwentySevenIsProvisional() {
        DeadlineKind.Due due = DeadlineKind.FILING.due(CALENDAR, LocalDate.parse("2026-12-21"));
        assertEquals(LocalDate.parse("2027-01-18"), due.date());
        assertTrue(due.provisional());
        assertTrue(due.inEnglish().contains("provisional"), due.inEnglish());
        assertFalse(DeadlineKind.FILING.due(CALENDAR, LocalDate.parse("2026-10-12")).provisional());
    }
}
