package cn.zhicheng.core.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Re-walks the audit chain and reports the first event whose hash or link does not hold. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditChainVerifier {

    private static final int BATCH = 1000;

    /** Outcome of a walk over the chain. */
    public record Result(boolean intact, long eventsChecked, Long brokenAtSeq, String reason) {
    }

    public Result verify() {
        String expectedPrev = AuditTrail.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditEvent> batch = AuditEvent.find("seq >= ?1 order by seq", expectedSeq).page(0, BATCH).list();
            for (AuditEvent event : batch) {
                if (event.seq != expectedSeq) {
                    return new Result(false, checked, expectedSeq, "event " + expectedSeq + " is missing");
                }
                if (!event.prevHash.equals(expectedPrev)) {
                    return new Result(false, checked, event.seq, "link to the previous event does not match");
                }
                if (!AuditTrail.hash(event).equals(event.hash)) {
                    return new Result(false, checked, event.seq, "event content does not match its hash");
                }
                expectedPrev = event.hash;
                expectedSeq++;
                checked++;
            }
            AuditEvent.getEntityManager().clear();
            if (batch.size() < BATCH) {
                break;
            }
        }
        AuditHead head = AuditHead.findById(1);
        if (head.lastSeq != checked || !head.lastHash.equals(expectedPrev)) {
            return new Result(false, checked, head.lastSeq, "chain tip does not match the last event");
        }
        return new Result(true, checked, null, null);
    }
}
