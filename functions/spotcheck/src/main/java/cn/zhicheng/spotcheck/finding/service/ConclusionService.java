package cn.zhicheng.spotcheck.finding.service;

import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.spotcheck.Finding;
import cn.zhicheng.core.spotcheck.Inspector;
import cn.zhicheng.core.spotcheck.SampleOutcome;
import cn.zhicheng.core.spotcheck.SampledApplication;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.spotcheck.finding.rest.FindingRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The office concludes a sampled application once every inspector has checked every item (R18). */
@ApplicationScoped
@Transactional
public class ConclusionService {

    private final Samples samples;
    private final AuditTrail audit;
    private final Clock clock;

    public ConclusionService(Samples samples, AuditTrail audit, Clock clock) {
        this.samples = samples;
        this.audit = audit;
        this.clock = clock;
    }

    public SampledApplication conclude(Actor actor, UUID drawId, UUID applicationId,
            FindingRequests.Conclusion request) {
        String note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
        if (request.outcome() == SampleOutcome.FRAUD_CONFIRMED) {
            // decision 0012: the HR bureau confirms fraud, from a FRAUD_SUSPECTED conclusion
            throw Problem.rule("R20", 422, "OUTCOME_NOT_ALLOWED", "Fraud is confirmed by the HR bureau",
                    "Conclude FRAUD_SUSPECTED; the committee's HR bureau confirms fraud.");
        }
        if (request.outcome() != SampleOutcome.CLEAR && note == null) {
            throw Problem.validation(List.of(new Problem.FieldError("note",
                    "say what was found when the outcome is " + request.outcome())));
        }
        SpotCheck draw = samples.drawForOffice(actor, drawId);
        SampledApplication sample = samples.sampleLocked(draw, applicationId);
        Samples.requireCurrent(draw);
        Samples.requireNotConcluded(sample);
        Problem.requireVersion("sample", request.version(), sample.version);
        int missing = missingFindings(drawId, applicationId);
        if (missing > 0) {
            throw Problem.rule("R18", 409, "FINDINGS_INCOMPLETE", "Findings incomplete",
                    missing + " finding(s) are still missing: every inspector records a finding on every evidence "
                            + "item before the office concludes.")
                    .with("missing", missing);
        }
        sample.outcome = request.outcome();
        sample.outcomeNote = note;
        sample.concludedBy = actor.accountId();
        sample.concludedAt = clock.instant();
        audit.record(actor, new AuditTrail.Change("SPOT_CHECK_CONCLUDE", Samples.SUBJECT, drawId, null,
                sample.outcome.name(), "application " + applicationId + (note == null ? "" : ": " + note)));
        SampledApplication.flush();
        return sample;
    }

    /** R18: pairs of (inspector, uploaded evidence item) without a finding. */
    static int missingFindings(UUID drawId, UUID applicationId) {
        List<EvidenceItem> items = Samples.evidenceOf(applicationId);
        List<Inspector> inspectors = Inspector.list("drawId = ?1 and applicationId = ?2", drawId, applicationId);
        Set<String> recorded = new HashSet<>();
        for (Finding finding : Finding.listBySample(drawId, applicationId)) {
            recorded.add(finding.expertId + ":" + finding.evidenceItemId);
        }
        int missing = 0;
        for (Inspector inspector : inspectors) {
            for (EvidenceItem item : items) {
                if (!recorded.contains(inspector.expertId + ":" + item.id)) {
                    missing++;
                }
            }
        }
        return missing;
    }
}
