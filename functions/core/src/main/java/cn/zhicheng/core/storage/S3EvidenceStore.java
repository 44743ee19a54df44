package cn.zhicheng.core.storage;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/** Evidence store on an S3 bucket: the browser uploads and downloads with presigned URLs, the server only signs. */
public class S3EvidenceStore implements EvidenceStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3EvidenceStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** Creates the bucket if it does not exist yet (for emulators). */
    public static void ensureBucket(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public PresignedRequest presignUpload(
            String objectKey, String contentType, long contentLength, Duration ttl) {
        if (contentLength < 0) {
            throw new IllegalArgumentException("content length must not be negative: " + contentLength);
        }
        // Content-Type and Content-Length go into the signed headers, so S3 refuses any other type or size.
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(bucket)
                .key(objectKey)
                .contentType(contentType)
                .contentLength(contentLength)
                .build();
        var presigned = presigner.presignPutObject(PutObjectPresignRequest.builder()
                .signatureDuration(ttl)
                .putObjectRequest(put)
                .build());
        return toPort(presigned);
    }

    @Override
    public PresignedRequest presignDownload(
            String objectKey, String downloadFileName, Duration ttl) {
        GetObjectRequest get = GetObjectRequest.builder()
                .bucket(bucket)
                .key(objectKey)
                .responseContentDisposition(ContentDisposition.attachment(downloadFileName))
                .build();
        var presigned = presigner.presignGetObject(GetObjectPresignRequest.builder()
                .signatureDuration(ttl)
                .getObjectRequest(get)
                .build());
        return toPort(presigned);
    }

    @Override
    public Optional<StoredObject> describe(String objectKey) {
        try {
            HeadObjectResponse head = s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(objectKey).build());
            return Optional.of(new StoredObject(objectKey, head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // HEAD answers have no body, so some endpoints surface a missing key only as a bare 404
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<byte[]> read(String objectKey) {
        try {
            return Optional.of(s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(objectKey).build())
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String objectKey, byte[] bytes, String contentType) {
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(objectKey).contentType(contentType)
                .contentLength((long) bytes.length).build(), RequestBody.fromBytes(bytes));
    }

    private static PresignedRequest toPort(
            software.amazon.awssdk.awscore.presigner.PresignedRequest presigned) {
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            // Host and Content-Length are signed, but user agents set them from the URL and the body and refuse to
            // let callers set them, so listing them would only make a browser's or java.net.http's request fail.
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                headers.put(canonicalName(name), String.join(",", values));
            }
        });
        URI url = URI.create(presigned.url().toString());
        return new PresignedRequest(
                presigned.httpRequest().method().name(), url, Map.copyOf(headers), presigned.expiration());
    }

    // The SDK reports signed header names in lower case; the local store and the API docs use the usual spelling.
    private static String canonicalName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return out.toString();
    }
}
