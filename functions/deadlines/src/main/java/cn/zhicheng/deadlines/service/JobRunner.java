package cn.zhicheng.deadlines.service;

import cn.zhicheng.core.audit.AuditChainVerifier;
import cn.zhicheng.core.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs a scheduled job by name. The deadline jobs of R32 arrive with the calendar issue; the audit-chain check
 * keeps the R25 promise that every step stays traceable and untouched.
 */
@ApplicationScoped
public class JobRunner {

    public static final String VERIFY_AUDIT_CHAIN = "verify-audit-chain";

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final AuditChainVerifier auditChain;

    public JobRunner(AuditChainVerifier auditChain) {
        this.auditChain = auditChain;
    }

    public Map<String, Object> run(String job) {
        if (!VERIFY_AUDIT_CHAIN.equals(job)) {
            throw Problem.badRequest("UNKNOWN_JOB", "Unknown job", "There is no job named '" + job + "'.");
        }
        AuditChainVerifier.Result result = auditChain.verify();
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("job", job);
        outcome.put("intact", result.intact());
        outcome.put("eventsChecked", result.eventsChecked());
        if (!result.intact()) {
            outcome.put("brokenAtSeq", result.brokenAtSeq());
            outcome.put("reason", result.reason());
            LOG.errorf("Audit chain broken at event %d: %s", result.brokenAtSeq(), result.reason());
        }
        return outcome;
    }
}
