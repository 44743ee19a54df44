package cn.zhicheng.core.catalogue;

import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Series;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** R22: a self-evaluating unit's filing of one series (附件1), decided by its city HR bureau, valid 3 years. */
@Entity
@Table(name = "series_filing")
public class SeriesFiling extends PanacheEntityBase {

    /** The subject type of a filing's audit events. */
    public static final String SUBJECT = "SERIES_FILING";

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    /** The city HR bureau that decides it (Unit#cityHrBureau). */
    @Column(name = "hr_bureau_id", nullable = false)
    public UUID hrBureauId;

    /** A series of the national list (Series#national). */
    @Column(name = "series_id", nullable = false)
    public UUID seriesId;

    /** The specialty within the series, when the unit files one specialty only. */
    @Column
    public String specialty;

    @Column(name = "handling_office", nullable = false)
    public String handlingOffice;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "office_phone", nullable = false)
    public String officePhone;

    @Column(name = "mobile_phone", nullable = false)
    public String mobilePhone;

    @Column(name = "professional_count", nullable = false)
    public int professionalCount;

    /** The oldest of the 3 years before the filing year whose evaluations are given. */
    @Column(name = "first_evaluation_year", nullable = false)
    public int firstEvaluationYear;

    @Column(name = "evaluated_first", nullable = false)
    public int evaluatedFirst;

    @Column(name = "evaluated_second", nullable = false)
    public int evaluatedSecond;

    @Column(name = "evaluated_third", nullable = false)
    public int evaluatedThird;

    @Column(name = "filing_year", nullable = false)
    public int filingYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FilingState state;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "submitted_by", nullable = false)
    public UUID submittedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public UUID decidedBy;

    /** The reason for a return, or the approver's note. */
    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    /** The last day of validity: 3 years from approval, less a day. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    /** The approved filing this one renews; it becomes RENEWED when this is approved. */
    @Column(name = "renews_id")
    public UUID renewsId;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_reason")
    public String endedReason;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The unit's filing of the series that is active on the day (R23), if any. */
    public static Optional<SeriesFiling> findActive(UUID unitId, UUID seriesId, LocalDate day) {
        return find("unitId = ?1 and seriesId = ?2 and state = ?3 and validFrom <= ?4 and validUntil >= ?4 "
                + "order by validFrom desc", unitId, seriesId, FilingState.APPROVED, day).firstResultOptional();
    }

    /**
     * R23: a unit evaluates, records appointments and issues certificates only in a series it has an active filing
     * for; the one place that refuses it.
     */
    public static SeriesFiling requireActive(UUID unitId, UUID seriesId, LocalDate day) {
        return findActive(unitId, seriesId, day).orElseThrow(() -> {
            Series series = Series.findById(seriesId);
            String name = series == null ? String.valueOf(seriesId) : series.nameZh;
            return Problem.rule("R23", 422, "SERIES_NOT_FILED", "Series not filed", "The unit has no active "
                    + "filing of the series " + name + " on " + day + "; file it in the catalogue first (R23).")
                    .with("seriesId", seriesId).with("day", day.toString());
        });
    }

    /** Active on the day: approved and the day within its validity. */
    public boolean activeOn(LocalDate day) {
        return state == FilingState.APPROVED && validFrom != null && !day.isBefore(validFrom)
                && !day.isAfter(validUntil);
    }
}
