package cn.zhicheng.core.series;

import cn.zhicheng.core.time.ClockProducer;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** R1: the period in which a committee takes applications of one series; the server clock decides. */
@Entity
@Table(name = "submission_window")
public class SubmissionWindow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "committee_id", nullable = false)
    public UUID committeeId;

    @Column(name = "series_id", nullable = false)
    public UUID seriesId;

    @Column(nullable = false)
    public String title;

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** Open at the instant: from its opening (inclusive) to its closing (exclusive). */
    public boolean isOpenAt(Instant instant) {
        return !instant.isBefore(opensAt) && instant.isBefore(closesAt);
    }

    public static List<SubmissionWindow> listFor(UUID committeeId, UUID seriesId) {
        return list("committeeId = ?1 and seriesId = ?2 order by opensAt", committeeId, seriesId);
    }

    /** The day it opens, in China. */
    public LocalDate openDay() {
        return LocalDate.ofInstant(opensAt, ClockProducer.CHINA);
    }

    /** The last day it is open, in China: a window closing at midnight ends the day before. */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(closesAt.minusNanos(1), ClockProducer.CHINA);
    }

    /** Windows open at the instant or opening later, soonest first: what an applicant can still apply in. */
    public static List<SubmissionWindow> listOpenOrUpcoming(Instant now) {
        return list("closesAt > ?1 order by opensAt, id", now);
    }

    /** Other windows of the committee and series whose period meets [opensAt, closesAt). */
    public static List<SubmissionWindow> listOverlapping(UUID committeeId, UUID seriesId, Instant opensAt,
            Instant closesAt, UUID except) {
        return list("committeeId = ?1 and seriesId = ?2 and opensAt < ?3 and closesAt > ?4 and id <> ?5 "
                + "order by opensAt", committeeId, seriesId, closesAt, opensAt, except);
    }

    public static List<SubmissionWindow> listByCommittee(UUID committeeId) {
        return list("committeeId = ?1 order by opensAt", committeeId);
    }
}
