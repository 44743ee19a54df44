package cn.zhicheng.core.catalogue;

import static cn.zhicheng.core.catalogue.FilingState.APPROVED;
import static cn.zhicheng.core.catalogue.FilingState.CANCELLED;
import static cn.zhicheng.core.catalogue.FilingState.EXPIRED;
import static cn.zhicheng.core.catalogue.FilingState.RENEWED;
import static cn.zhicheng.core.catalogue.FilingState.RETURNED;
import static cn.zhicheng.core.catalogue.FilingState.SUBMITTED;

import cn.zhicheng.core.problem.Problem;
import java.util.Locale;

/**
 * R22: every step of a series filing, the state it leaves from and the state it enters; this table is the only
 * definition of what may follow what. A step from the wrong state is refused with {@code FILING_NOT_<STATE>}.
 */
public enum FilingTransition {
    /** The HR bureau approves; the filing enters the catalogue for 3 years. */
    APPROVE(SUBMITTED, APPROVED),
    /** The HR bureau returns it with a reason for the unit to correct. */
    RETURN(SUBMITTED, RETURNED),
    /** The unit corrects a returned filing and submits it again. */
    CORRECT(RETURNED, SUBMITTED),
    /** Its validity ran out (the job {@code expire-series-filings}). */
    EXPIRE(APPROVED, EXPIRED),
    /** A renewal of it was approved. */
    RENEW(APPROVED, RENEWED),
    /** The unit stopped evaluating the series, or the HR bureau struck it from the catalogue. */
    CANCEL(APPROVED, CANCELLED);

    private final FilingState from;
    private final FilingState to;

    FilingTransition(FilingState from, FilingState to) {
        this.from = from;
        this.to = to;
    }

    public FilingState from() {
        return from;
    }

    public FilingState to() {
        return to;
    }

    /** Moves the filing on, or refuses with {@code 409 FILING_NOT_<FROM>} when it is not where the step starts. */
    public FilingState apply(SeriesFiling filing) {
        check(filing);
        FilingState before = filing.state;
        filing.state = to;
        return before;
    }

    /** Refuses with {@code 409 FILING_NOT_<FROM>} unless the filing is where the step starts; changes nothing. */
    public void check(SeriesFiling filing) {
        if (filing.state != from) {
            throw Problem.conflict("FILING_NOT_" + from.name(), "Filing not " + from.name().toLowerCase(Locale.ROOT),
                    "The filing is " + filing.state + "; " + name().toLowerCase(Locale.ROOT) + " needs it " + from + ".")
                    .with("state", filing.state.name());
        }
    }
}
