package cn.zhicheng.submit.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationAccess;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.storage.EvidenceStore;
import cn.zhicheng.core.storage.PresignedRequest;
import cn.zhicheng.core.storage.StoredObject;
import cn.zhicheng.submit.rest.ApplicationRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * Evidence files: the browser uploads straight to the store through a presigned URL; the server records the
 * item, then confirms the upload against what the store holds.
 */
@ApplicationScoped
@Transactional
public class EvidenceService {

    private final ApplicationService applications;
    private final ApplicationAccess access;
    private final EvidenceStore store;
    private final ZhichengConfig config;
    private final AuditTrail audit;
    private final Clock clock;

    public EvidenceService(ApplicationService applications, ApplicationAccess access, EvidenceStore store,
            ZhichengConfig config, AuditTrail audit, Clock clock) {
        this.applications = applications;
        this.access = access;
        this.store = store;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** A pending item and the request that uploads its bytes. */
    public record Upload(EvidenceItem item, PresignedRequest upload) {
    }

    public Upload requestUpload(Actor actor, UUID applicationId, ApplicationRequests.Evidence request) {
        Application application = draftOwned(actor, applicationId);
        String contentType = request.contentType().trim().toLowerCase(Locale.ROOT);
        if (!config.evidence().allowedTypes().contains(contentType)) {
            throw Problem.of(415, "EVIDENCE_TYPE_NOT_ALLOWED", "File type not allowed",
                    "Evidence must be one of " + String.join(", ", config.evidence().allowedTypes()) + "; got "
                            + contentType + ".");
        }
        if (request.size() > config.evidence().maxSize()) {
            throw Problem.of(413, "EVIDENCE_TOO_LARGE", "File too large",
                    "Evidence files may be at most " + config.evidence().maxSize() / (1024 * 1024) + " MiB; this one is "
                            + request.size() + " bytes.");
        }
        EvidenceItem item = new EvidenceItem();
        item.id = UUID.randomUUID();
        item.applicationId = application.id;
        item.title = request.title().trim();
        item.fileName = request.fileName().trim();
        item.contentType = contentType;
        item.size = request.size();
        item.objectKey = "applications/" + application.id + "/" + item.id;
        item.status = EvidenceItem.Status.PENDING;
        item.createdAt = clock.instant();
        item.persist();
        PresignedRequest upload = store.presignUpload(item.objectKey, contentType, item.size,
                config.evidence().urlTtl());
        return new Upload(item, upload);
    }

    /** Marks the item uploaded once the store holds exactly the declared bytes. */
    public EvidenceItem complete(Actor actor, UUID applicationId, UUID itemId) {
        draftOwned(actor, applicationId);
        EvidenceItem item = item(applicationId, itemId);
        if (item.status == EvidenceItem.Status.UPLOADED) {
            return item;
        }
        StoredObject stored = store.describe(item.objectKey)
                .orElseThrow(() -> Problem.conflict("EVIDENCE_NOT_UPLOADED", "File not uploaded yet",
                        "The store has no file for this item yet; upload it first."));
        if (stored.size() != item.size) {
            throw Problem.conflict("EVIDENCE_SIZE_MISMATCH", "Upload incomplete",
                    "The store holds " + stored.size() + " bytes but " + item.size + " were declared.");
        }
        if (stored.contentType() != null && !stored.contentType().equalsIgnoreCase(item.contentType)) {
            throw Problem.conflict("EVIDENCE_TYPE_MISMATCH", "Wrong file type uploaded",
                    "The store holds a " + stored.contentType() + " file but " + item.contentType + " was declared.");
        }
        item.status = EvidenceItem.Status.UPLOADED;
        item.uploadedAt = clock.instant();
        audit.record(actor, new AuditTrail.Change("EVIDENCE_UPLOADED", "EVIDENCE", item.id,
                EvidenceItem.Status.PENDING.name(), EvidenceItem.Status.UPLOADED.name(), item.fileName));
        return item;
    }

    public void remove(Actor actor, UUID applicationId, UUID itemId) {
        draftOwned(actor, applicationId);
        EvidenceItem item = item(applicationId, itemId);
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
        return store.presignDownload(item.objectKey, item.fileName, config.evidence().urlTtl());
    }

    private Application draftOwned(Actor actor, UUID applicationId) {
        Application application = applications.owned(actor, applicationId);
        if (application.state() != ApplicationState.DRAFT) {
            throw Problem.conflict("NOT_A_DRAFT", "Application already submitted",
                    "Evidence can change only while the application is a draft; it is " + application.state() + ".");
        }
        return application;
    }

    private static EvidenceItem item(UUID applicationId, UUID itemId) {
        EvidenceItem item = EvidenceItem.findById(itemId);
        if (item == null || !item.applicationId.equals(applicationId)) {
            throw Problem.notFound("EVIDENCE_NOT_FOUND", "No evidence item " + itemId + " on this application.");
        }
        return item;
    }

}
