package cn.zhicheng.review.round.mapping;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.Objection;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.export.XlsxWriter;
import cn.zhicheng.core.export.XlsxWriter.Cell;
import cn.zhicheng.core.export.XlsxWriter.Style;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.review.round.service.RoundResults;
import cn.zhicheng.review.round.service.RoundService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * R16: the round's statistics table for the approval filing, 年度职称评审结果统计表 (003 附件4). The notice names the
 * table but does not print its form, so its columns are the figures the filing needs: per series, level and
 * specialty the applications accepted, reviewed, passed and failed, the pass rate, and the notice's objections;
 * then the totals and, for senior committees, the R13 pass rate and any override with its reason.
 */
@ApplicationScoped
public class StatisticsTable {

    /** The column headers, in order. */
    public static final List<String> COLUMNS = List.of("序号", "系列", "专业", "评审级别", "受理人数", "参评人数",
            "通过人数", "未通过人数", "通过率", "公示异议（件）", "异议成立（件）", "备注");

    private final DeadlineService deadlines;

    public StatisticsTable(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    /** The file name the download suggests, e.g. 2026年度职称评审结果统计表-WF-ENG-MID.xlsx. */
    public static String fileName(ReviewRound round) {
        Committee committee = Committee.findById(round.committeeId);
        return round.year + "年度职称评审结果统计表-" + committee.code + ".xlsx";
    }

    public byte[] xlsx(ReviewRound round, String preparedBy) {
        Committee committee = Committee.findById(round.committeeId);
        List<Application> applications = RoundService.applicationsOf(round).stream()
                .filter(a -> a.state() != ApplicationState.WITHDRAWN).toList();
        List<UUID> seriesIds = applications.stream().map(a -> a.seriesId).distinct().toList();
        Map<UUID, String> seriesNames = seriesIds.isEmpty() ? Map.of()
                : Series.<Series>list("id in ?1", seriesIds).stream()
                        .collect(Collectors.toMap(s -> s.id, s -> s.nameZh));
        List<Objection> objections = RoundViews.objectionsOf(applications);
        Map<UUID, Application> byId = applications.stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));

        int last = COLUMNS.size() - 1;
        XlsxWriter sheet = new XlsxWriter("统计表").widths(6, 12, 16, 10, 10, 10, 10, 11, 10, 13, 13, 36);
        sheet.row(Style.TITLE, round.year + "年度职称评审结果统计表").merge(0, 0, 0, last);
        sheet.row(Style.TEXT, "评委会（盖章）：" + committee.name + "　　评审日期：" + text(round.reviewedOn)
                + "　　公示期：" + text(round.noticeStartsOn) + " 至 " + text(round.noticeEndsOn)
                + "　　核准备案日期：" + day(round.filedAt)).merge(1, 0, 1, last);
        sheet.row(Style.HEADER, COLUMNS.toArray());

        Map<Group, List<Application>> groups = new TreeMap<>(Group.ORDER);
        for (Application application : applications) {
            groups.computeIfAbsent(new Group(seriesNames.get(application.seriesId), application.level,
                    application.specialty), g -> new ArrayList<>()).add(application);
        }
        int number = 0;
        for (Map.Entry<Group, List<Application>> group : groups.entrySet()) {
            List<Application> members = group.getValue();
            List<Objection> raised = objections.stream()
                    .filter(o -> members.contains(byId.get(o.applicationId))).toList();
            figures(sheet, ++number, group.getKey().series(), group.getKey().specialty(),
                    group.getKey().level().nameZh(), members, raised, "");
        }
        RoundResults.SeniorPassRate senior = RoundResults.seniorPassRate(committee, applications);
        String note = senior == null ? "" : "高级职称通过率 " + senior.passed() + "/" + senior.decided()
                + (senior.capExceeded() ? "，超过50%" : "，未超过50%");
        figures(sheet, null, "合计", "", "", applications, objections, note);
        if (round.seniorOverrideReason != null) {
            int row = sheet.rowCount();
            sheet.row(Style.TEXT, "高级职称通过率超过50%，经人社部门核准（R13）：" + round.seniorOverrideReason
                    + "（" + day(round.seniorOverrideAt) + "）").merge(row, 0, row, last);
        }
        int row = sheet.rowCount();
        sheet.row(Style.TEXT, "填表人：" + Objects.requireNonNullElse(preparedBy, "") + "　　填表日期："
                + deadlines.today()).merge(row, 0, row, last);
        return sheet.toBytes();
    }

    private static void figures(XlsxWriter sheet, Integer number, String series, String specialty, String level,
            List<Application> applications, List<Objection> objections, String note) {
        long decided = applications.stream().filter(RoundResults::decided).count();
        long passed = applications.stream().filter(RoundResults::passed).count();
        long failed = applications.stream().filter(RoundResults::failed).count();
        long upheld = objections.stream().filter(o -> o.decision == Objection.Decision.UPHELD).count();
        sheet.row(Style.CELL, number, series, specialty, level, applications.size(), decided, passed, failed,
                new Cell(decided == 0 ? null : (double) passed / decided, Style.PERCENT), objections.size(), upheld,
                note);
    }

    private static String text(LocalDate date) {
        return date == null ? "—" : date.toString();
    }

    private static String day(Instant instant) {
        return instant == null ? "—" : LocalDate.ofInstant(instant, ClockProducer.CHINA).toString();
    }

    /** A row of the table: one series, level and specialty. */
    private record Group(String series, TitleLevel level, String specialty) {
        static final Comparator<Group> ORDER = Comparator.comparing(Group::series, Comparator.nullsLast(
                Comparator.naturalOrder())).thenComparing(Group::level).thenComparing(Group::specialty);
    }
}
