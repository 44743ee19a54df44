package cn.zhicheng.core.storage;

import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * The one place that checks a file declared for upload, signs its upload and download, and confirms an upload
 * against what the store holds; evidence (submit) and spot-check findings (R18) both upload through it.
 */
@ApplicationScoped
public class Uploads {

    private final EvidenceStore store;
    private final ZhichengConfig config;

    public Uploads(EvidenceStore store, ZhichengConfig config) {
        this.store = store;
        this.config = config;
    }

    /** The declared content type, normalised, once the type is allowed and the size within the limit. */
    public String acceptedType(String contentType, long size) {
        String type = contentType.trim().toLowerCase(Locale.ROOT);
        if (!config.evidence().allowedTypes().contains(type)) {
            throw Problem.of(415, "EVIDENCE_TYPE_NOT_ALLOWED", "File type not allowed",
                    "Evidence must be one of " + String.join(", ", config.evidence().allowedTypes()) + "; got "
                            + type + ".");
        }
        if (size > config.evidence().maxSize()) {
            throw Problem.of(413, "EVIDENCE_TOO_LARGE", "File too large",
                    "Evidence files may be at most " + config.evidence().maxSize() / (1024 * 1024)
                            + " MiB; this one is " + size + " bytes.");
        }
        return type;
    }

    /** The request the browser PUTs the declared bytes with. */
    public PresignedRequest presignUpload(String objectKey, String contentType, long size) {
        return store.presignUpload(objectKey, contentType, size, config.evidence().urlTtl());
    }

    /** A short-lived URL that downloads the file under its own name. */
    public PresignedRequest presignDownload(String objectKey, String fileName) {
        return store.presignDownload(objectKey, fileName, config.evidence().urlTtl());
    }

    /** Refuses unless the store holds exactly the declared bytes under the key. */
    public void requireStored(String objectKey, long size, String contentType) {
        StoredObject stored = store.describe(objectKey)
                .orElseThrow(() -> Problem.conflict("EVIDENCE_NOT_UPLOADED", "File not uploaded yet",
                        "The store has no file for this item yet; upload it first."));
        if (stored.size() != size) {
            throw Problem.conflict("EVIDENCE_SIZE_MISMATCH", "Upload incomplete",
                    "The store holds " + stored.size() + " bytes but " + size + " were declared.");
        }
        if (stored.contentType() != null && !stored.contentType().equalsIgnoreCase(contentType)) {
            throw Problem.conflict("EVIDENCE_TYPE_MISMATCH", "Wrong file type uploaded",
                    "The store holds a " + stored.contentType() + " file but " + contentType + " was declared.");
        }
    }
}
