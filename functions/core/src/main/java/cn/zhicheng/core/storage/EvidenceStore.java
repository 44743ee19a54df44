package cn.zhicheng.core.storage;

import java.time.Duration;
import java.util.Optional;

/** Port: where evidence files live; the browser talks to the store directly through presigned URLs. */
public interface EvidenceStore {

    /** A URL the browser PUTs the file to; the signature binds the key, content type and length. */
    PresignedRequest presignUpload(String objectKey, String contentType, long contentLength, Duration ttl);

    /** A URL that GETs the file, served with the given download file name. */
    PresignedRequest presignDownload(String objectKey, String downloadFileName, Duration ttl);

    /** What the store holds under the key, if anything. */
    Optional<StoredObject> describe(String objectKey);

    /** The bytes under the key, for the few small files the server reads itself (R27: photo and seal). */
    Optional<byte[]> read(String objectKey);

    /** Stores bytes the server received itself (R27: an issuer's seal image), replacing any under the key. */
    void write(String objectKey, byte[] bytes, String contentType);
}
