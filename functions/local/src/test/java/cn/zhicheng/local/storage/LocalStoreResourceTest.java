package cn.zhicheng.local.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.storage.EvidenceStore;
import cn.zhicheng.core.storage.PresignedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The browser's side of the local evidence store: signed PUT and GET over HTTP, and the refusals it sees. */
@QuarkusTest
class LocalStoreResourceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EvidenceStore store;

    @Test
    void uploadAndDownloadThroughSignedUrls() throws Exception {
        String key = newKey();
        byte[] file = bytes(70_000);
        PresignedRequest upload = store.presignUpload(key, "application/pdf", file.length, Duration.ofMinutes(5));

        HttpResponse<String> put = send(upload.method(), upload.url(), "application/pdf", file);

        assertEquals(200, put.statusCode(), put.body());
        assertEquals("", put.body());
        assertEquals("\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(file)) + "\"",
                put.headers().firstValue("ETag").orElseThrow());
        assertEquals(file.length, store.describe(key).orElseThrow().size());

        PresignedRequest download = store.presignDownload(key, "学历证书 扫描件.pdf", Duration.ofMinutes(5));
        HttpResponse<byte[]> get = HTTP.send(HttpRequest.newBuilder(download.url()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, get.statusCode());
        assertArrayEquals(file, get.body());
        assertEquals("application/pdf", get.headers().firstValue("Content-Type").orElseThrow());
        String disposition = get.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.contains("filename*=UTF-8''%E5%AD%A6%E5%8E%86%E8%AF%81%E4%B9%A6%20"), disposition);
    }

    @Test
    void refusalsAreProblemsWithAStableCode() throws Exception {
        String key = newKey();
        byte[] file = bytes(1000);
        PresignedRequest upload = store.presignUpload(key, "image/png", file.length, Duration.ofMinutes(5));

        assertProblem(send("PUT", upload.url(), "text/html", file), 403, "TYPE_MISMATCH");
        assertProblem(send("PUT", upload.url(), "image/png", bytes(1001)), 403, "SIZE_MISMATCH");
        URI tampered = URI.create(upload.url().toString().replace("X-Zc-Length=1000", "X-Zc-Length=1001"));
        assertProblem(send("PUT", tampered, "image/png", bytes(1001)), 403, "SIGNATURE_INVALID");
        URI traversal = URI.create(upload.url().toString().replace("/local-store/applications/",
                "/local-store/applications/%2E%2E/%2E%2E/"));
        int traversalStatus = send("PUT", traversal, "image/png", file).statusCode();
        assertTrue(traversalStatus >= 400 && traversalStatus < 500, "refused, got " + traversalStatus);

        PresignedRequest download = store.presignDownload(key, "a.png", Duration.ofMinutes(5));
        assertProblem(HTTP.send(HttpRequest.newBuilder(download.url()).GET().build(),
                HttpResponse.BodyHandlers.ofString()), 404, "OBJECT_NOT_FOUND");
        assertTrue(store.describe(key).isEmpty(), "nothing was stored by the refused requests");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(code, problem.path("code").asText());
        assertEquals(status, problem.path("status").asInt());
        assertTrue(problem.path("type").asText().startsWith("https://zhicheng.cn/problems/"), response.body());
        assertTrue(!problem.path("title").asText().isEmpty() && !problem.path("detail").asText().isEmpty());
    }

    private static HttpResponse<String> send(String method, URI url, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static String newKey() {
        return "applications/" + UUID.randomUUID() + "/" + UUID.randomUUID();
    }
}
