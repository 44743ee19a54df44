package cn.zhicheng.spotcheck.finding.service;

import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.spotcheck.Finding;
import cn.zhicheng.core.spotcheck.FindingAttachment;
import cn.zhicheng.core.spotcheck.FindingResult;
import cn.zhicheng.core.spotcheck.Inspector;
import cn.zhicheng.core.spotcheck.InspectorRecusal;
import cn.zhicheng.core.spotcheck.SampleKey;
import cn.zhicheng.core.spotcheck.SampledApplication;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.storage.PresignedRequest;
import cn.zhicheng.core.storage.Uploads;
import cn.zhicheng.spotcheck.finding.rest.FindingRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** An inspector's work on the applications drawn for them (R18, R19): findings per evidence item, with files. */
@ApplicationScoped
@Transactional
public class InspectionService {

    public static final String FINDING_SUBJECT = "SPOT_CHECK_FINDING";

    private final Samples samples;
    private final Uploads uploads;
    private final AuditTrail audit;
    private final Clock clock;

    public InspectionService(Samples samples, Uploads uploads, AuditTrail audit, Clock clock) {
        this.samples = samples;
        this.uploads = uploads;
        this.audit = audit;
        this.clock = clock;
    }

    /** One inspector's assignment: the draw and the sampled application. */
    public record Assignment(SpotCheck draw, SampledApplication sample, Expert expert) {
    }

    /** A pending attachment and the request that uploads its bytes. */
    public record Upload(FindingAttachment attachment, PresignedRequest upload) {
    }

    /** The applications the expert was drawn to check, latest draw first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Assignment> assignments(Actor actor) {
        Expert expert = expertOf(actor);
        return Inspector.listByExpert(expert.id).stream()
                .map(i -> new Assignment(SpotCheck.findById(i.drawId),
                        SampledApplication.findById(new SampleKey(i.drawId, i.applicationId)), expert))
                .sorted((a, b) -> compareDrawnAt(b.draw(), a.draw()))
                .toList();
    }

    /** R18, R19: the application as its inspector sees it; a recused or undrawn expert is refused. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Assignment assignment(Actor actor, UUID drawId, UUID applicationId) {
        return inspecting(actor, drawId, applicationId, false);
    }

    /** Records or revises the inspector's finding on one evidence item, until the office concludes (R18). */
    public Finding record(Actor actor, UUID drawId, UUID applicationId, UUID itemId, FindingRequests.Finding request) {
        String note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
        if (request.result() != FindingResult.OK && note == null) {
            throw Problem.validation(List.of(new Problem.FieldError("note",
                    "say what is wrong with the item when the result is " + request.result())));
        }
        Assignment assignment = inspecting(actor, drawId, applicationId, true);
        EvidenceItem item = item(applicationId, itemId);
        Finding finding = findingOn(assignment, item.id);
        String before = null;
        if (finding == null) {
            finding = new Finding();
            finding.id = UUID.randomUUID();
            finding.drawId = drawId;
            finding.applicationId = applicationId;
            finding.expertId = assignment.expert().id;
            finding.evidenceItemId = item.id;
        } else {
            before = finding.result.name();
        }
        finding.result = request.result();
        finding.note = note;
        finding.recordedAt = clock.instant();
        finding.persist();
        audit.record(actor, new AuditTrail.Change(before == null ? "FINDING_RECORD" : "FINDING_REVISE",
                FINDING_SUBJECT, finding.id, before, finding.result.name(),
                "application " + applicationId + ", " + item.title + (note == null ? "" : ": " + note)));
        return finding;
    }

    /** A file attached to the inspector's finding on an item: the browser uploads it straight to the store. */
    public Upload requestAttachment(Actor actor, UUID drawId, UUID applicationId, UUID itemId,
            FindingRequests.Attachment request) {
        Finding finding = ownFinding(inspecting(actor, drawId, applicationId, true), itemId);
        String contentType = uploads.acceptedType(request.contentType(), request.size());
        FindingAttachment attachment = new FindingAttachment();
        attachment.id = UUID.randomUUID();
        attachment.findingId = finding.id;
        attachment.fileName = request.fileName().trim();
        attachment.contentType = contentType;
        attachment.size = request.size();
        attachment.objectKey = "spotchecks/" + drawId + "/" + finding.id + "/" + attachment.id;
        attachment.status = "PENDING";
        attachment.createdAt = clock.instant();
        attachment.persist();
        return new Upload(attachment, uploads.presignUpload(attachment.objectKey, contentType, attachment.size));
    }

    /** Marks the attachment uploaded once the store holds exactly the declared bytes. */
    public FindingAttachment completeAttachment(Actor actor, UUID drawId, UUID applicationId, UUID itemId,
            UUID attachmentId) {
        Finding finding = ownFinding(inspecting(actor, drawId, applicationId, true), itemId);
        FindingAttachment attachment = FindingAttachment.findById(attachmentId);
        if (attachment == null || !attachment.findingId.equals(finding.id)) {
            throw Problem.notFound("ATTACHMENT_NOT_FOUND", "No attachment " + attachmentId + " on this finding.");
        }
        if ("UPLOADED".equals(attachment.status)) {
            return attachment;
        }
        uploads.requireStored(attachment.objectKey, attachment.size, attachment.contentType);
        attachment.status = "UPLOADED";
        attachment.uploadedAt = clock.instant();
        audit.record(actor, new AuditTrail.Change("FINDING_ATTACH", FINDING_SUBJECT, finding.id, null, null,
                attachment.fileName));
        return attachment;
    }

    /** A short-lived download URL of an evidence file for its inspector. */
    public PresignedRequest download(EvidenceItem item) {
        return uploads.presignDownload(item.objectKey, item.fileName);
    }

    /**
     * R18, R19: the expert is an inspector of a sampled application and not recused from it; to record, the draw
     * must be current and the sample not yet concluded.
     */
    private Assignment inspecting(Actor actor, UUID drawId, UUID applicationId, boolean toRecord) {
        Expert expert = expertOf(actor);
        SpotCheck draw = samples.draw(drawId);
        SampledApplication sample = toRecord ? samples.sampleLocked(draw, applicationId)
                : samples.sample(draw, applicationId);
        if (InspectorRecusal.findFor(drawId, applicationId, expert.id).isPresent()) {
            throw Problem.rule("R19", 403, "INSPECTOR_RECUSED", "Recused",
                    "You are recused from checking this application (same unit or a declared conflict).");
        }
        if (Inspector.findFor(drawId, applicationId, expert.id).isEmpty()) {
            throw Problem.rule("R19", 403, "NOT_ASSIGNED_INSPECTOR", "Not your assignment",
                    "You were not drawn to check this application.");
        }
        if (toRecord) {
            Samples.requireCurrent(draw);
            Samples.requireNotConcluded(sample);
        }
        return new Assignment(draw, sample, expert);
    }

    private static Finding ownFinding(Assignment assignment, UUID itemId) {
        item(assignment.sample().applicationId, itemId);
        Finding finding = findingOn(assignment, itemId);
        if (finding == null) {
            throw Problem.conflict("FINDING_REQUIRED", "Record the finding first",
                    "Files are attached to a finding; record your finding on this item first.");
        }
        return finding;
    }

    /** The assignment's inspector's finding on the item, or null before they record one. */
    private static Finding findingOn(Assignment assignment, UUID itemId) {
        return Finding.find("drawId = ?1 and applicationId = ?2 and expertId = ?3 and evidenceItemId = ?4",
                assignment.draw().id, assignment.sample().applicationId, assignment.expert().id, itemId).firstResult();
    }

    private static EvidenceItem item(UUID applicationId, UUID itemId) {
        EvidenceItem item = EvidenceItem.findById(itemId);
        if (item == null || !item.applicationId.equals(applicationId)
                || item.status != EvidenceItem.Status.UPLOADED) {
            throw Problem.notFound("EVIDENCE_NOT_FOUND", "No evidence item " + itemId + " on this application.");
        }
        return item;
    }

    private static Expert expertOf(Actor actor) {
        return Expert.findByAccount(actor.accountId()).orElseThrow(() -> Problem.of(403, "NOT_AN_EXPERT",
                "No expert record", "Your sign-in is not linked to an expert record; ask the HR bureau to link it."));
    }

    private static int compareDrawnAt(SpotCheck a, SpotCheck b) {
        if (a.drawnAt == null || b.drawnAt == null) {
            return a.drawnAt == null ? (b.drawnAt == null ? 0 : -1) : 1;
        }
        return a.drawnAt.compareTo(b.drawnAt);
    }
}
