package cn.zhicheng.catalogue.filing.mapping;

import cn.zhicheng.core.catalogue.FilingState;
import cn.zhicheng.core.catalogue.SeriesFiling;
import cn.zhicheng.core.deadline.DeadlineView;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.unit.Unit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** R22: a series filing as the unit and its HR bureau see it, with its deadlines. */
public record FilingView(UUID id, UUID unitId, String unitName, String city, UUID seriesId, String seriesCode,
        String seriesName, String specialty, String handlingOffice, String contactName, String officePhone,
        String mobilePhone, int professionalCount, List<Evaluation> evaluations, int filingYear, FilingState state,
        Instant submittedAt, Instant decidedAt, String decisionNote, LocalDate validFrom, LocalDate validUntil,
        UUID renewsId, LocalDate renewalDue, long version, List<DeadlineView> deadlines) {

    /** The evaluations of one year (近3年职称评聘人数). */
    public record Evaluation(int year, int count) {
    }

    /** The three years' evaluations of a filing, oldest first. */
    public static List<Evaluation> evaluations(SeriesFiling f) {
        int first = f.firstEvaluationYear;
        return List.of(new Evaluation(first, f.evaluatedFirst), new Evaluation(first + 1, f.evaluatedSecond),
                new Evaluation(first + 2, f.evaluatedThird));
    }

    public static FilingView of(SeriesFiling f, Unit unit, Series series, List<DeadlineView> deadlines,
            LocalDate renewalDue) {
        return new FilingView(f.id, f.unitId, unit.name, unit.region, f.seriesId, series.code, series.nameZh,
                f.specialty, f.handlingOffice, f.contactName, f.officePhone, f.mobilePhone, f.professionalCount,
                evaluations(f), f.filingYear, f.state, f.submittedAt, f.decidedAt, f.decisionNote, f.validFrom,
                f.validUntil, f.renewsId, renewalDue, f.version, deadlines);
    }
}
