package cn.zhicheng.review.round.mapping;

import cn.zhicheng.core.series.TitleLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** R15: a round's public result notice; it never carries ID numbers. */
public record NoticeView(UUID roundId, RoundView.CommitteeRef committee, int year, LocalDate noticeStartsOn,
        LocalDate noticeEndsOn, boolean running, List<Entry> entries) {

    /** One published result. */
    public record Entry(UUID applicationId, String name, String unitName, String seriesName, TitleLevel level,
            String specialty) {
    }
}
