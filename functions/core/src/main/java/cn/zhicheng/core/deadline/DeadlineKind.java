package cn.zhicheng.core.deadline;

import cn.zhicheng.core.calendar.Explanation;
import cn.zhicheng.core.calendar.WorkingDayCalendar;
import cn.zhicheng.core.identity.Role;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;

/**
 * Every deadline the rules set, declared as data: the rule, what it is about, how its days count and from which
 * event, and who must act. Kinds without a step of their own yet (meetings, objections, windows) are declared
 * so their arithmetic is fixed and tested before the steps arrive.
 */
public enum DeadlineKind {
    /** R7: the unit publicity runs 5 working days from the unit review; the unit then recommends. */
    UNIT_PUBLICITY("R7", SubjectType.APPLICATION, DayType.WORKING, 5, null, false, false, Role.UNIT_HR,
            "单位审核", "the unit review", "单位公示并推荐", "Unit publicity and recommendation"),
    /** R11: the committee office applies for a meeting at least 5 working days before it. */
    MEETING_APPLICATION("R11", SubjectType.MEETING, DayType.WORKING, 5, null, true, false, Role.COMMITTEE_OFFICE,
            "评审会议", "the meeting", "申请召开评审会议", "Meeting application"),
    /** R14: the pass list reaches the HR bureau within 3 working days after the review. */
    PASS_LIST("R14", SubjectType.APPLICATION, DayType.WORKING, 3, null, false, false, Role.COMMITTEE_OFFICE,
            "评审决定", "the review decision", "报送通过人员名单", "Pass list to the HR bureau"),
    /** R15: the result notice lasts at least 5 working days from publication; a period, not a duty. */
    RESULT_NOTICE("R15", SubjectType.APPLICATION, DayType.WORKING, 5, null, false, true, Role.HR_BUREAU,
            "结果公示发布", "publication of the result", "评审结果公示期", "Result notice period"),
    /** R15: an objection raised in the notice period is answered within 10 working days. */
    OBJECTION_ANSWER("R15", SubjectType.OBJECTION, DayType.WORKING, 10, null, false, false, Role.HR_BUREAU,
            "收到异议", "the objection", "答复异议并作出处理决定", "Objection answer and decision"),
    /** R16: approval filing within 20 working days after the review. */
    FILING("R16", SubjectType.APPLICATION, DayType.WORKING, 20, null, false, false, Role.HR_BUREAU,
            "评审决定", "the review decision", "核准备案", "Approval filing"),
    /** R17: intermediate committees finish reviewing by the end of November. */
    INTERMEDIATE_FINISH("R17", SubjectType.ROUND, DayType.FIXED, 0, MonthDay.of(11, 30), false, false,
            Role.COMMITTEE_OFFICE, "评审年度", "the review year", "中级评审完成", "Intermediate review finished"),
    /** R17: intermediate committees report their summary by the end of December. */
    INTERMEDIATE_SUMMARY("R17", SubjectType.ROUND, DayType.FIXED, 0, MonthDay.of(12, 31), false, false,
            Role.COMMITTEE_OFFICE, "评审年度", "the review year", "中级评审工作总结上报", "Intermediate summary report"),
    /** R17: junior committees finish by the end of December. */
    JUNIOR_FINISH("R17", SubjectType.ROUND, DayType.FIXED, 0, MonthDay.of(12, 31), false, false,
            Role.COMMITTEE_OFFICE, "评审年度", "the review year", "初级评审完成", "Junior review finished"),
    /**
     * R18: whoever a spot-check question is addressed to answers it; the office sets the number of working days
     * per question (1 to 30), 5 unless it says otherwise. The owner is the addressee.
     */
    SPOT_CHECK_RESPONSE("R18", SubjectType.SPOT_CHECK_REQUEST, DayType.WORKING, 5, null, false, false,
            Role.APPLICANT, "抽查问询", "the spot-check question", "答复抽查问询", "Answer to a spot-check question"),
    /** R1: the submission window closes; windows and their dates arrive with a later issue. */
    SUBMISSION_WINDOW_CLOSE("R1", SubjectType.WINDOW, DayType.FIXED, 0, null, false, false, Role.COMMITTEE_OFFICE,
            "申报窗口开放", "the window opening", "申报窗口截止", "Submission window closes"),
    /**
     * R29: each issuer reports the certificates it issued in a year by the end of the next January; counted from
     * the first day after that year, so the fixed date falls in the year that follows.
     */
    ISSUANCE_REPORT("R29", SubjectType.ISSUANCE_REPORT, DayType.FIXED, 0, MonthDay.of(1, 31), false, false,
            Role.HR_BUREAU, "发证年度结束", "the end of the issuing year", "上报上年度发证情况",
            "Annual issuance report"),
    /**
     * R22: an approved filing is renewed by the filing due date of the year it expires in (the end of April unless
     * that year's date was set otherwise, 2023: 30 June), or by its expiry if that comes first; the due date is
     * brought by the filing. Met when a renewal is approved.
     */
    SERIES_FILING_RENEWAL("R22", SubjectType.SERIES_FILING, DayType.FIXED, 0, null, false, false,
            Role.SELF_EVAL_UNIT, "备案批准", "the filing's approval", "职称系列（专业）重新备案", "Series filing renewal",
            Leads.WELL_BEFORE),
    /**
     * R22: a filing is valid 3 years from approval; the period runs out on its last valid day, when the job marks the
     * filing EXPIRED. Reminders come before it.
     */
    SERIES_FILING_EXPIRY("R22", SubjectType.SERIES_FILING, DayType.FIXED, 0, null, false, true, Role.SELF_EVAL_UNIT,
            "备案批准", "the filing's approval", "备案有效期届满", "Series filing validity ends", Leads.WELL_BEFORE),
    /** R25: the unit reports an appointment to the personnel department within 5 working days of it. */
    APPOINTMENT_REPORT("R25", SubjectType.APPOINTMENT, DayType.WORKING, 5, null, false, false, Role.SELF_EVAL_UNIT,
            "聘用", "the appointment", "聘用结果报人事综合管理部门备案", "Appointment reported to the personnel department"),
    /** R25: the unit uploads the appointment record within 15 working days of the appointment. */
    APPOINTMENT_UPLOAD("R25", SubjectType.APPOINTMENT, DayType.WORKING, 15, null, false, false, Role.SELF_EVAL_UNIT,
            "聘用", "the appointment", "上传评聘信息采集表", "Appointment record uploaded"),
    /**
     * R25: the certificate is available to the person 15 working days after the record's upload; the deadlines job
     * releases it on that day and meets this deadline. A release held back (no photo, no seal) falls overdue.
     */
    CERTIFICATE_RELEASE("R25", SubjectType.APPOINTMENT, DayType.WORKING, 15, null, false, false,
            Role.SELF_EVAL_UNIT, "信息上传", "the record's upload", "评聘证书发放", "Appointment certificate release");

    private final String rule;
    private final SubjectType subjectType;
    private final DayType dayType;
    private final int days;
    private final MonthDay fixedDate;
    private final boolean before;
    private final boolean period;
    private final Role ownerRole;
    private final String startZh;
    private final String startEn;
    private final String titleZh;
    private final String titleEn;
    private final List<ReminderLead> reminders;

    /** A kind reminded as usual: a duty 2 working days before its due date, a period not at all. */
    DeadlineKind(String rule, SubjectType subjectType, DayType dayType, int days, MonthDay fixedDate, boolean before,
            boolean period, Role ownerRole, String startZh, String startEn, String titleZh, String titleEn) {
        this(rule, subjectType, dayType, days, fixedDate, before, period, ownerRole, startZh, startEn, titleZh,
                titleEn, period ? List.of() : List.of(ReminderLead.TWO_WORKING_DAYS));
    }

    /** A kind with reminders of its own (R22: a filing's renewal and expiry, weeks ahead). */
    DeadlineKind(String rule, SubjectType subjectType, DayType dayType, int days, MonthDay fixedDate, boolean before,
            boolean period, Role ownerRole, String startZh, String startEn, String titleZh, String titleEn,
            List<ReminderLead> reminders) {
        this.rule = rule;
        this.subjectType = subjectType;
        this.dayType = dayType;
        this.days = days;
        this.fixedDate = fixedDate;
        this.before = before;
        this.period = period;
        this.ownerRole = ownerRole;
        this.startZh = startZh;
        this.startEn = startEn;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.reminders = List.copyOf(reminders);
    }

    /** A due date and whether it may still move because a year it touches has no published schedule (R32). */
    public record Due(LocalDate date, boolean provisional, String inChinese, String inEnglish) {
    }

    /** The due date counted from the start event's date with the kind's own number of days. */
    public Due due(WorkingDayCalendar calendar, LocalDate start) {
        return due(calendar, start, days);
    }

    /**
     * The due date counted from the start event's date with the given number of days, for kinds whose N is chosen
     * per deadline (R18: a spot-check question's working days); a deadline row carries its own N.
     */
    public Due due(WorkingDayCalendar calendar, LocalDate start, int days) {
        Objects.requireNonNull(start, "start");
        return switch (dayType) {
            case WORKING -> before ? workingDaysBefore(calendar, start, days) : workingDaysAfter(calendar, start, days);
            case CALENDAR -> {
                LocalDate due = start.plusDays(days);
                yield new Due(due, false, "自" + startZh + " " + start + " 起 " + days + " 日 → " + due,
                        days + " days from " + startEn + " " + start + " → " + due);
            }
            case FIXED -> {
                if (fixedDate == null) {
                    // R1: each window brings its own closing date; there is nothing to compute from the kind alone
                    throw new IllegalStateException(this + " has no fixed date of its own");
                }
                LocalDate due = fixedDate.atYear(start.getYear());
                yield new Due(due, false, start.getYear() + " 年 " + due.getMonthValue() + " 月 " + due.getDayOfMonth()
                        + " 日前（" + rule + "）", "by " + due + " (" + rule + ")");
            }
        };
    }

    private Due workingDaysAfter(WorkingDayCalendar calendar, LocalDate start, int days) {
        Explanation explanation = calendar.explain(start, days);
        return new Due(explanation.due(), explanation.provisional(),
                startZh + "后" + explanation.inChinese(), "after " + startEn + ", " + explanation.inEnglish());
    }

    /**
     * R11: "at least N working days before" the event: the latest working day from which N working days still lie
     * between it and the event.
     */
    private Due workingDaysBefore(WorkingDayCalendar calendar, LocalDate event, int days) {
        LocalDate due = event;
        while (calendar.workingDaysBetween(due, event) < days || !calendar.isWorkingDay(due)) {
            due = due.minusDays(1);
        }
        boolean provisional = calendar.provisional(due, event);
        String note = provisional ? "（暂定）" : "";
        return new Due(due, provisional, "不迟于" + startZh + " " + event + " 前 " + days + " 个工作日 → " + due + note,
                "at least " + days + " working days before " + startEn + " on " + event + " → " + due
                        + (provisional ? " (provisional)" : ""));
    }

    public String rule() {
        return rule;
    }

    public SubjectType subjectType() {
        return subjectType;
    }

    public DayType dayType() {
        return dayType;
    }

    public int days() {
        return days;
    }

    public MonthDay fixedDate() {
        return fixedDate;
    }

    public boolean before() {
        return before;
    }

    /** A period that simply runs out (the notice), which ends rather than falls overdue. */
    public boolean period() {
        return period;
    }

    public Role ownerRole() {
        return ownerRole;
    }

    public String startZh() {
        return startZh;
    }

    public String startEn() {
        return startEn;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }

    /** When the reminder job reminds the owner of this kind's deadlines; empty: never. */
    public List<ReminderLead> reminders() {
        return reminders;
    }

    /** Lead sets shared by several kinds; an enum's constants cannot name its own static fields. */
    private static final class Leads {
        /** R22: 30 and 7 calendar days ahead, and the usual 2 working days. */
        static final List<ReminderLead> WELL_BEFORE = List.of(ReminderLead.calendarDays(30),
                ReminderLead.calendarDays(7), ReminderLead.TWO_WORKING_DAYS);
    }
}
