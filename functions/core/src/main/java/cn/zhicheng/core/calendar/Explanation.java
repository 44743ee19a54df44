package cn.zhicheng.core.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How a working-day deadline was reached: the holidays it skipped and the adjusted days it counted (R32). */
public record Explanation(LocalDate start, int days, LocalDate due, boolean provisional, List<Span> skippedHolidays,
        List<CalendarDay> countedAdjustedDays, List<Integer> unpublishedYears) {

    /** The holiday names of the State Council notices, in English for the English rendering. */
    private static final Map<String, String> ENGLISH_NAMES = Map.of(
            "元旦", "New Year's Day",
            "春节", "Spring Festival",
            "清明节", "Qingming Festival",
            "劳动节", "Labour Day",
            "端午节", "Dragon Boat Festival",
            "中秋节", "Mid-Autumn Festival",
            "国庆节", "National Day",
            "中秋节、国庆节", "Mid-Autumn Festival and National Day");

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    /** Consecutive holiday days of the same name. */
    public record Span(LocalDate from, LocalDate to, String name) {
    }

    public Explanation {
        skippedHolidays = List.copyOf(skippedHolidays);
        countedAdjustedDays = List.copyOf(countedAdjustedDays);
        unpublishedYears = List.copyOf(unpublishedYears);
    }

    /** E.g. "10 working days from 2026-09-28: skips 10-01..10-07 National Day holiday, counts 10-10 adjusted working day → 2026-10-16". */
    public String inEnglish() {
        StringBuilder text = new StringBuilder();
        text.append(days).append(days == 1 ? " working day from " : " working days from ").append(start);
        List<String> parts = new ArrayList<>();
        if (!skippedHolidays.isEmpty()) {
            parts.add("skips " + skippedHolidays.stream()
                    .map(span -> range(span, "..") + " " + englishName(span.name()) + " holiday")
                    .collect(Collectors.joining(", ")));
        }
        if (!countedAdjustedDays.isEmpty()) {
            parts.add("counts " + countedAdjustedDays.stream()
                    .map(day -> shortDate(day.date()) + " adjusted working day")
                    .collect(Collectors.joining(", ")));
        }
        if (!parts.isEmpty()) {
            text.append(": ").append(String.join(", ", parts));
        }
        text.append(" → ").append(due);
        if (provisional) {
            String years = unpublishedYears.stream().map(String::valueOf).collect(Collectors.joining(" and "));
            text.append(" (provisional: the ").append(years)
                    .append(unpublishedYears.size() == 1 ? " schedule is" : " schedules are")
                    .append(" not published yet)");
        }
        return text.toString();
    }

    /** E.g. "自 2026-09-28 起 10 个工作日：跳过 10-01 至 10-07 国庆节假期，计入 10-10 调休上班日 → 2026-10-16". */
    public String inChinese() {
        StringBuilder text = new StringBuilder();
        text.append("自 ").append(start).append(" 起 ").append(days).append(" 个工作日");
        List<String> parts = new ArrayList<>();
        if (!skippedHolidays.isEmpty()) {
            parts.add("跳过 " + skippedHolidays.stream()
                    .map(span -> range(span, " 至 ") + " " + span.name() + "假期")
                    .collect(Collectors.joining("、")));
        }
        if (!countedAdjustedDays.isEmpty()) {
            parts.add("计入 " + countedAdjustedDays.stream()
                    .map(day -> shortDate(day.date()) + " 调休上班日")
                    .collect(Collectors.joining("、")));
        }
        if (!parts.isEmpty()) {
            text.append("：").append(String.join("，", parts));
        }
        text.append(" → ").append(due);
        if (provisional) {
            String years = unpublishedYears.stream().map(String::valueOf).collect(Collectors.joining("、"));
            text.append("（暂定：").append(years).append(" 年节假日安排尚未公布）");
        }
        return text.toString();
    }

    private String range(Span span, String separator) {
        return span.from().equals(span.to())
                ? shortDate(span.from())
                : shortDate(span.from()) + separator + shortDate(span.to());
    }

    /** MM-dd when the year is the start's: the reader already knows it; the full date otherwise. */
    private String shortDate(LocalDate date) {
        return date.getYear() == start.getYear() ? date.format(MONTH_DAY) : date.toString();
    }

    private static String englishName(String name) {
        return ENGLISH_NAMES.getOrDefault(name, name);
    }
}
