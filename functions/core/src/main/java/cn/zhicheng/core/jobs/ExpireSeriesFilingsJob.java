package cn.zhicheng.core.jobs;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.catalogue.FilingState;
import cn.zhicheng.core.catalogue.FilingTransition;
import cn.zhicheng.core.catalogue.SeriesFiling;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.identity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code expire-series-filings}: R22, R23: an approved filing whose last valid day has passed becomes EXPIRED and
 * leaves the public catalogue; its validity period is met and a renewal it never got is waived. Audited; expired
 * filings are no longer approved, so re-runs find nothing.
 */
@ApplicationScoped
public class ExpireSeriesFilingsJob implements Job {

    public static final String NAME = "expire-series-filings";
    /** The job acts for no account; the audit trail names it. */
    private static final Actor JOB = new Actor(null, NAME, "定时任务 " + NAME, null, null, null, null);

    private final DeadlineService deadlines;
    private final AuditTrail audit;
    private final Clock clock;

    public ExpireSeriesFilingsJob(DeadlineService deadlines, AuditTrail audit, Clock clock) {
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Batch batch(String cursor, int size, LocalDate today) {
        List<SeriesFiling> page = SeriesFiling.find("state = ?1 and validUntil < ?2 and id > ?3 order by id",
                FilingState.APPROVED, today, cursor == null ? new UUID(0, 0) : UUID.fromString(cursor))
                .page(0, size).list();
        Instant now = clock.instant();
        List<AuditTrail.Change> changes = new ArrayList<>(page.size());
        for (SeriesFiling filing : page) {
            FilingState before = FilingTransition.EXPIRE.apply(filing);
            filing.endedAt = now;
            filing.endedReason = "有效期至 " + filing.validUntil + " 届满 (validity ended)";
            deadlines.meet(DeadlineKind.SERIES_FILING_EXPIRY, filing.id);
            deadlines.waive(DeadlineKind.SERIES_FILING_RENEWAL, filing.id, "the filing expired without renewal");
            changes.add(new AuditTrail.Change("FILING_EXPIRE", SeriesFiling.SUBJECT, filing.id, before.name(),
                    filing.state.name(), "valid until " + filing.validUntil + " (R22)"));
        }
        audit.recordAll(JOB, changes);
        String next = page.isEmpty() ? cursor : page.get(page.size() - 1).id.toString();
        return Batch.of(page.size(), page.size(), next, page.size() < size);
    }
}
