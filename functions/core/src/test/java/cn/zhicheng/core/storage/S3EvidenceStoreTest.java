package cn.zhicheng.core.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.zhicheng.core.aws.AwsClients;
import cn.zhicheng.core.aws.Emulator;
import cn.zhicheng.core.config.AdapterTestConfig;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class S3EvidenceStoreTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TTL = Duration.ofMinutes(15);

    private static AwsClients aws;
    private static S3EvidenceStore store;

    @BeforeAll
    static void bucket() {
        aws = Emulator.clients();
        String bucket = "zc-evidence-test-" + UUID.randomUUID();
        aws.s3().createBucket(b -> {
            b.bucket(bucket);
            if (!Region.US_EAST_1.id().equals(AdapterTestConfig.REGION)) {
                b.createBucketConfiguration(c -> c.locationConstraint(AdapterTestConfig.REGION));
            }
        });
        store = new S3EvidenceStore(aws.s3(), aws.s3Presigner(), bucket);
    }

    @AfterAll
    static void close() {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void browserUploadsWithThePresignedPutAndDownloadsUnderTheChineseName() throws Exception {
        String key = newKey();
        byte[] file = pdfBytes(5000);

        PresignedRequest upload = store.presignUpload(key, "application/pdf", file.length, TTL);
        assertEquals("PUT", upload.method());
        assertEquals(Map.of("Content-Type", "application/pdf"), upload.headers());
        assertTrue(Math.abs(Duration.between(Instant.now().plus(TTL), upload.expiresAt()).toSeconds()) < 30,
                "expires about 15 minutes from now: " + upload.expiresAt());

        HttpResponse<String> put = send(upload, HttpRequest.BodyPublishers.ofByteArray(file));
        assertEquals(200, put.statusCode(), put.body());

        StoredObject described = store.describe(key).orElseThrow();
        assertEquals(new StoredObject(key, file.length, "application/pdf"), described);

        PresignedRequest download = store.presignDownload(key, "职称评审 申报材料.pdf", TTL);
        assertEquals("GET", download.method());
        HttpRequest.Builder get = HttpRequest.newBuilder(download.url()).GET();
        download.headers().forEach(get::header);
        HttpResponse<byte[]> got = HTTP.send(get.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode());
        assertArrayEquals(file, got.body());
        String disposition = got.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.startsWith("attachment;"), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''%E8%81%8C%E7%A7%B0%E8%AF%84%E5%AE%A1%20"
                + "%E7%94%B3%E6%8A%A5%E6%9D%90%E6%96%99.pdf"), disposition);
    }

    @Test
    void uploadSignatureCoversContentTypeAndLength() {
        PresignedRequest upload = store.presignUpload(newKey(), "image/png", 1234, TTL);

        Map<String, String> query = query(upload);
        List<String> signed = Arrays.asList(query.get("X-Amz-SignedHeaders").split(";"));
        // S3 checks every signed header, so a request with another type or size fails its signature
        assertTrue(signed.contains("content-type"), signed.toString());
        assertTrue(signed.contains("content-length"), signed.toString());
        assertEquals(String.valueOf(TTL.toSeconds()), query.get("X-Amz-Expires"));
        // a checksum fixed at signing time (of an empty body) would make S3 refuse the browser's real file
        assertTrue(query.keySet().stream().noneMatch(name -> name.toLowerCase().contains("checksum")),
                query.toString());
        assertTrue(signed.stream().noneMatch(name -> name.contains("checksum")), signed.toString());
    }

    @Test
    void putWithAnotherTypeOrLengthThanSignedIsRefused() throws Exception {
        byte[] file = pdfBytes(2000);
        String key = newKey();
        PresignedRequest upload = store.presignUpload(key, "application/pdf", file.length, TTL);

        HttpResponse<String> otherType = HTTP.send(HttpRequest.newBuilder(upload.url())
                .header("Content-Type", "text/html")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file))
                .build(), HttpResponse.BodyHandlers.ofString());
        assumeTrue(otherType.statusCode() != 200, "this emulator does not check presigned-URL signatures (moto does "
                + "not; S3 and LocalStack with signature validation do), so a refusal cannot be observed here");
        assertEquals(403, otherType.statusCode(), otherType.body());

        HttpResponse<String> longer = send(upload, HttpRequest.BodyPublishers.ofByteArray(pdfBytes(2001)));
        assertEquals(403, longer.statusCode(), longer.body());
        assertTrue(store.describe(key).isEmpty(), "nothing was stored");
    }

    @Test
    void describeOfAMissingKeyIsEmpty() {
        assertFalse(store.describe(newKey()).isPresent());
    }

    private static HttpResponse<String> send(PresignedRequest request, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.url()).method(request.method(), body);
        request.headers().forEach(builder::header);
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(PresignedRequest request) {
        Map<String, String> query = new HashMap<>();
        for (String pair : request.url().getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String newKey() {
        return "applications/" + UUID.randomUUID() + "/" + UUID.randomUUID();
    }

    static byte[] pdfBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, bytes, 0, Math.min(magic.length, length));
        return bytes;
    }
}
