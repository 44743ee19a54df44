package cn.zhicheng.core.jobs;

import cn.zhicheng.core.audit.AuditChainVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code verify-audit-chain}: R25: every step stays traceable and untouched. The verifier walks the chain in its
 * own batches, so this job is one batch; a broken chain ends the run FAILED with the place it broke.
 */
@ApplicationScoped
public class VerifyAuditChainJob implements Job {

    public static final String NAME = "verify-audit-chain";

    private final AuditChainVerifier auditChain;

    public VerifyAuditChainJob(AuditChainVerifier auditChain) {
        this.auditChain = auditChain;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Batch batch(String cursor, int size, LocalDate today) {
        AuditChainVerifier.Result result = auditChain.verify();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("intact", result.intact());
        details.put("eventsChecked", result.eventsChecked());
        if (!result.intact()) {
            details.put("brokenAtSeq", result.brokenAtSeq());
            details.put("reason", result.reason());
            details.put("failure", "Audit chain broken at event " + result.brokenAtSeq() + ": " + result.reason());
        }
        // a whole-chain walk has no cursor worth resuming from: a re-run starts again from the first event
        return new Batch((int) Math.min(Integer.MAX_VALUE, result.eventsChecked()), 0, null, true, details);
    }
}
