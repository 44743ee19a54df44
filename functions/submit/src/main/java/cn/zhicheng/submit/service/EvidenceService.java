package cn.zhicheng.submit.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationAccess;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.application.EvidenceKind;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.storage.PresignedRequest;
import cn.zhicheng.core.storage.Uploads;
import cn.zhicheng.submit.rest.ApplicationRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;

/**
 * Evidence files: the browser uploads straight to the store through a presigned URL; the server records the
 * item, then confirms the upload against what the store holds. The applicant's evidence (while a draft) and the
 * unit's attachments to its recommendation (during the publicity, R7) go through the same two steps.
 */
@ApplicationScoped
@Transactional
public class EvidenceService {

    private final ApplicationService applications;
    private final ApplicationAccess access;
    private final Uploads uploads;
    private final AuditTrail audit;
    private final Clock clock;

    public EvidenceService(ApplicationService applications, ApplicationAccess access, Uploads uploads,
            AuditTrail audit, Clock clock) {
        this.applications = applications;
        this.access = access;
        this.uploads = uploads;
        this.audit = audit;
        this.clock = clock;
    }

    /** A pending item and the request that uploads its bytes. */
    public record Upload(EvidenceItem item, PresignedRequest upload) {
    }

    /** The applicant's evidence, while the application is a draft. */
    public Upload requestUpload(Actor actor, UUID applicationId, ApplicationRequests.Evidence request) {
        Application application = draftOwned(actor, applicationId);
        // R7: the unit's documents come only from the unit, through its own route
        if (request.kind() != null && request.kind().byUnit()) {
            throw Problem.rule("R7", 422, "EVIDENCE_KIND_NOT_ALLOWED", "Not an applicant's document",
                    "A " + request.kind() + " is attached by the employer unit, not the applicant; upload your own "
                            + "evidence without a kind (or with kind APPLICANT).");
        }
        return upload(application, EvidenceKind.APPLICANT, request);
    }

    /** R7: the unit attaches the supervision card, appraisal form and publicity record during the publicity. */
    public Upload requestAttachment(Actor actor, UUID applicationId, ApplicationRequests.Attachment request) {
        if (!request.kind().byUnit()) {
            throw Problem.rule("R7", 422, "ATTACHMENT_KIND_NOT_ALLOWED", "Not a unit attachment",
                    "The unit attaches one of " + Arrays.toString(unitKinds()) + "; the applicant's evidence is "
                            + "uploaded by the applicant.");
        }
        return upload(inPublicity(actor, applicationId), request.kind(), request);
    }

    /** Marks the applicant's item uploaded once the store holds exactly the declared bytes. */
    public EvidenceItem complete(Actor actor, UUID applicationId, UUID itemId) {
        draftOwned(actor, applicationId);
        return confirm(actor, applicantItem(applicationId, itemId));
    }

    /** Marks the unit's attachment uploaded once the store holds exactly the declared bytes. */
    public EvidenceItem completeAttachment(Actor actor, UUID applicationId, UUID itemId) {
        inPublicity(actor, applicationId);
        EvidenceItem item = item(applicationId, itemId);
        if (!item.kind.byUnit()) {
            throw Problem.notFound("EVIDENCE_NOT_FOUND", "No unit attachment " + itemId + " on this application.");
        }
        return confirm(actor, item);
    }

    public void remove(Actor actor, UUID applicationId, UUID itemId) {
        draftOwned(actor, applicationId);
        EvidenceItem item = applicantItem(applicationId, itemId);
        audit.record(actor, new AuditTrail.Change("EVIDENCE_REMOVED", "EVIDENCE", item.id, item.status.name(),
                null, item.fileName));
        item.delete();
    }

    /** Anyone who may see the application may read its evidence (R18: spot checks read it too, later). */
    public PresignedRequest download(Actor actor, UUID applicationId, UUID itemId) {
        access.require(applicationId, actor);
        EvidenceItem item = item(applicationId, itemId);
        if (item.status != EvidenceItem.Status.UPLOADED) {
            throw Problem.conflict("EVIDENCE_NOT_UPLOADED", "File not uploaded yet", "This file is not uploaded yet.");
        }
        return uploads.presignDownload(item.objectKey, item.fileName);
    }

    /** The one path that checks a declared file, records its pending item and signs its upload. */
    private Upload upload(Application application, EvidenceKind kind, ApplicationRequests.DeclaredFile file) {
        String contentType = uploads.acceptedType(file.contentType(), file.size());
        EvidenceItem item = new EvidenceItem();
        item.id = UUID.randomUUID();
        item.applicationId = application.id;
        item.kind = kind;
        item.title = file.title().trim();
        item.fileName = file.fileName().trim();
        item.contentType = contentType;
        item.size = file.size();
        item.objectKey = "applications/" + application.id + "/" + item.id;
        item.status = EvidenceItem.Status.PENDING;
        item.createdAt = clock.instant();
        item.persist();
        PresignedRequest upload = uploads.presignUpload(item.objectKey, contentType, item.size);
        return new Upload(item, upload);
    }

    /** The one path that confirms an upload against what the store holds. */
    private EvidenceItem confirm(Actor actor, EvidenceItem item) {
        if (item.status == EvidenceItem.Status.UPLOADED) {
            return item;
        }
        uploads.requireStored(item.objectKey, item.size, item.contentType);
        item.status = EvidenceItem.Status.UPLOADED;
        item.uploadedAt = clock.instant();
        audit.record(actor, new AuditTrail.Change("EVIDENCE_UPLOADED", "EVIDENCE", item.id,
                EvidenceItem.Status.PENDING.name(), EvidenceItem.Status.UPLOADED.name(),
                item.kind.byUnit() ? item.kind + ": " + item.fileName : item.fileName));
        return item;
    }

    private Application draftOwned(Actor actor, UUID applicationId) {
        Application application = applications.owned(actor, applicationId);
        if (application.state() != ApplicationState.DRAFT) {
            throw Problem.conflict("NOT_A_DRAFT", "Application already submitted",
                    "Evidence can change only while the application is a draft; it is " + application.state() + ".");
        }
        return application;
    }

    /** R7: the unit attaches its documents while the application is in its publicity, before recommending. */
    private Application inPublicity(Actor actor, UUID applicationId) {
        Application application = access.require(applicationId, actor);
        if (application.state() != ApplicationState.UNIT_PUBLICITY) {
            throw Problem.conflict("NOT_IN_PUBLICITY", "Not in the unit publicity",
                    "The unit attaches its documents while the application is in its publicity; it is "
                            + application.state() + ".");
        }
        return application;
    }

    /** An item of the applicant's own: a returned draft still carries the unit's attachments, which stay the unit's. */
    private static EvidenceItem applicantItem(UUID applicationId, UUID itemId) {
        EvidenceItem item = item(applicationId, itemId);
        if (item.kind.byUnit()) {
            throw Problem.rule("R7", 403, "UNIT_ATTACHMENT", "The unit's document",
                    "This " + item.kind + " was attached by the employer unit; only the unit can change it.");
        }
        return item;
    }

    private static EvidenceItem item(UUID applicationId, UUID itemId) {
        EvidenceItem item = EvidenceItem.findById(itemId);
        if (item == null || !item.applicationId.equals(applicationId)) {
            throw Problem.notFound("EVIDENCE_NOT_FOUND", "No evidence item " + itemId + " on this application.");
        }
        return item;
    }

    private static EvidenceKind[] unitKinds() {
        return Arrays.stream(EvidenceKind.values()).filter(EvidenceKind::byUnit).toArray(EvidenceKind[]::new);
    }
}
