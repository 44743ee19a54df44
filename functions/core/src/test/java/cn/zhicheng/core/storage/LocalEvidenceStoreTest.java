package cn.zhicheng.core.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.storage.StoreAccessDenied.Code;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class LocalEvidenceStoreTest {

    private static final String BASE = "http://localhost:8080";
    private static final Duration TTL = Duration.ofMinutes(15);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
    private LocalEvidenceStore store;

    @BeforeEach
    void newStore() {
        store = new LocalEvidenceStore(dataDir, BASE + "/", Optional.empty(), clock);
    }

    @Test
    void filesTheServerWritesItselfAreReadBackWithTheirType() {
        String key = "seal/" + UUID.randomUUID() + "/seal.png";
        byte[] image = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        assertEquals(Optional.empty(), store.read(key));
        store.write(key, image, "image/png");

        assertArrayEquals(image, store.read(key).orElseThrow());
        assertEquals(Optional.of(new StoredObject(key, image.length, "image/png")), store.describe(key));
        assertThrows(IllegalArgumentException.class, () -> store.write("../escape", image, "image/png"));
    }

    @Test
    void signedUrlsRoundTripAFile() throws Exception {
        String key = newKey();
        byte[] file = S3EvidenceStoreTest.pdfBytes(3000);

        PresignedRequest upload = store.presignUpload(key, "application/pdf", file.length, TTL);

        assertEquals("PUT", upload.method());
        assertEquals(Map.of("Content-Type", "application/pdf"), upload.headers());
        assertEquals(clock.instant().plus(TTL), upload.expiresAt());
        assertEquals(BASE + "/local-store/" + key, upload.url().toString().split("\\?")[0]);
        Map<String, String> put = query(upload);
        assertEquals("PUT", put.get("X-Zc-Method"));
        assertEquals(String.valueOf(upload.expiresAt().getEpochSecond()), put.get("X-Zc-Expires"));
        assertEquals("application/pdf", put.get("X-Zc-Type"));
        assertEquals("3000", put.get("X-Zc-Length"));
        assertTrue(put.get("X-Zc-Signature").matches("[0-9a-f]{64}"), put.get("X-Zc-Signature"));

        LocalEvidenceStore.Upload stored = store.receive(key, put, "application/pdf", file.length,
                new ByteArrayInputStream(file));

        assertEquals(new StoredObject(key, 3000, "application/pdf"), stored.object());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(file)), stored.etag());
        assertEquals(Optional.of(new StoredObject(key, 3000, "application/pdf")), store.describe(key));
        assertArrayEquals(file, Files.readAllBytes(dataDir.resolve("evidence").resolve(key)));

        PresignedRequest download = store.presignDownload(key, "职称 申报材料.pdf", TTL);

        assertEquals("GET", download.method());
        assertEquals(Map.of(), download.headers());
        Map<String, String> get = query(download);
        assertEquals("职称 申报材料.pdf", get.get("X-Zc-Filename"));
        assertFalse(download.url().getRawQuery().contains("+"), "spaces are %20, which every decoder reads alike");
        Path served = store.authorizeDownload(key, get);
        assertArrayEquals(file, Files.readAllBytes(served));
    }

    @Test
    void describeOfAMissingKeyIsEmpty() {
        assertEquals(Optional.empty(), store.describe(newKey()));
    }

    @Test
    void expiredUrlsAreRefused() {
        String key = newKey();
        Map<String, String> put = query(store.presignUpload(key, "image/png", 3, TTL));
        clock.advance(TTL);
        store.authorizeUpload(key, put, "image/png", 3);

        clock.advance(Duration.ofSeconds(1));

        assertDenied(Code.URL_EXPIRED, () -> store.authorizeUpload(key, put, "image/png", 3));
        assertDenied(Code.URL_EXPIRED, () -> store.receive(key, put, "image/png", 3, body(3)));
        assertEquals(Optional.empty(), store.describe(key));
    }

    @Test
    void tamperedUrlsAreRefused() {
        String key = newKey();
        Map<String, String> put = query(store.presignUpload(key, "image/png", 3, TTL));

        assertDenied(Code.SIGNATURE_INVALID, () -> store.authorizeUpload(key, with(put, "X-Zc-Signature",
                flipLastHexDigit(put.get("X-Zc-Signature"))), "image/png", 3));
        assertDenied(Code.SIGNATURE_INVALID, () -> store.authorizeUpload(key, with(put, "X-Zc-Signature", "zz"),
                "image/png", 3));
        assertDenied(Code.SIGNATURE_INVALID, () -> store.authorizeUpload(key, with(put, "X-Zc-Length", "30000000"),
                "image/png", 30000000));
        assertDenied(Code.SIGNATURE_INVALID, () -> store.authorizeUpload(key, with(put, "X-Zc-Type", "text/html"),
                "text/html", 3));
        String later = String.valueOf(Long.parseLong(put.get("X-Zc-Expires")) + 86400);
        assertDenied(Code.SIGNATURE_INVALID, () -> store.authorizeUpload(key, with(put, "X-Zc-Expires", later),
                "image/png", 3));
        assertDenied(Code.SIGNATURE_INVALID, () -> store.authorizeUpload(newKey(), put, "image/png", 3));
        assertDenied(Code.URL_MALFORMED, () -> store.authorizeUpload(key, without(put, "X-Zc-Signature"),
                "image/png", 3));
        assertDenied(Code.URL_MALFORMED, () -> store.authorizeUpload(key, Map.of(), "image/png", 3));
    }

    @Test
    void anotherLengthOrTypeThanSignedIsRefused() {
        String key = newKey();
        Map<String, String> put = query(store.presignUpload(key, "application/pdf", 10, TTL));

        assertDenied(Code.SIZE_MISMATCH, () -> store.authorizeUpload(key, put, "application/pdf", 11));
        assertDenied(Code.TYPE_MISMATCH, () -> store.authorizeUpload(key, put, "text/html", 10));
        assertDenied(Code.TYPE_MISMATCH, () -> store.authorizeUpload(key, put, null, 10));
        // without a Content-Length header (chunked) the body itself is measured
        assertDenied(Code.SIZE_MISMATCH, () -> store.receive(key, put, "application/pdf", -1, body(11)));
        assertDenied(Code.SIZE_MISMATCH, () -> store.receive(key, put, "application/pdf", -1, body(9)));
        assertEquals(Optional.empty(), store.describe(key), "a refused body leaves nothing behind");

        store.receive(key, put, "application/pdf", -1, body(10));
        assertEquals(10, store.describe(key).orElseThrow().size());
    }

    @Test
    void urlsWorkOnlyForTheMethodTheyWereSignedFor() {
        String key = newKey();
        Map<String, String> put = query(store.presignUpload(key, "image/png", 3, TTL));
        store.receive(key, put, "image/png", 3, body(3));
        Map<String, String> get = query(store.presignDownload(key, "a.png", TTL));

        assertDenied(Code.METHOD_MISMATCH, () -> store.authorizeDownload(key, put));
        assertDenied(Code.METHOD_MISMATCH, () -> store.authorizeUpload(key, get, "image/png", 3));
        assertDenied(Code.SIGNATURE_INVALID, () -> store.authorizeUpload(key,
                with(with(with(get, "X-Zc-Method", "PUT"), "X-Zc-Type", "image/png"), "X-Zc-Length", "3"),
                "image/png", 3));
    }

    @Test
    void downloadOfAnAbsentFileIsNotFoundOnlyWithAValidSignature() {
        String key = newKey();
        Map<String, String> get = query(store.presignDownload(key, "a.pdf", TTL));

        assertDenied(Code.OBJECT_NOT_FOUND, () -> store.authorizeDownload(key, get));
        assertDenied(Code.SIGNATURE_INVALID, () -> store.authorizeDownload(key,
                with(get, "X-Zc-Signature", flipLastHexDigit(get.get("X-Zc-Signature")))));
    }

    @Test
    void keysThatCouldLeaveTheStoreAreRefused() throws Exception {
        Files.writeString(dataDir.resolve("secret.txt"), "outside");
        Map<String, String> anyQuery = query(store.presignUpload(newKey(), "image/png", 3, TTL));
        for (String key : new String[] {
            "../secret.txt", "applications/../../secret.txt", "/etc/passwd", "applications//x", "applications/./x",
            ".meta/applications/x", ".tmp/upload", "applications\\..\\x", "applications/x/", "", "证明.pdf",
            "C:/x", "a/" + "b".repeat(1100),
        }) {
            assertDenied(Code.KEY_INVALID, () -> store.authorizeUpload(key, anyQuery, "image/png", 3));
            assertDenied(Code.KEY_INVALID, () -> store.authorizeDownload(key, anyQuery));
            assertThrows(IllegalArgumentException.class, () -> store.presignUpload(key, "image/png", 3, TTL), key);
            assertThrows(IllegalArgumentException.class, () -> store.presignDownload(key, "x.pdf", TTL), key);
        }
        assertDenied(Code.KEY_INVALID, () -> store.authorizeDownload(null, anyQuery));
    }

    @Test
    void generatedSecretIsOwnerOnlyAndSurvivesARestart() throws Exception {
        String key = newKey();
        Map<String, String> put = query(store.presignUpload(key, "image/png", 3, TTL));

        Path secret = dataDir.resolve("keys/local-store.secret");
        assertEquals(32, Files.size(secret));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));

        LocalEvidenceStore restarted = new LocalEvidenceStore(dataDir, BASE, Optional.empty(), clock);
        assertEquals(dataDir.resolve("evidence").resolve(key).toAbsolutePath().normalize(),
                restarted.authorizeUpload(key, put, "image/png", 3));
    }

    @Test
    void configuredSecretIsUsedInsteadOfAFile() {
        LocalEvidenceStore configured = new LocalEvidenceStore(dataDir.resolve("other"), BASE,
                Optional.of("a-configured-secret-of-some-length"), clock);
        String key = newKey();
        Map<String, String> put = query(configured.presignUpload(key, "image/png", 3, TTL));

        assertFalse(Files.exists(dataDir.resolve("other/keys/local-store.secret")));
        assertDenied(Code.SIGNATURE_INVALID, () -> store.authorizeUpload(key, put, "image/png", 3));
        new LocalEvidenceStore(dataDir.resolve("third"), BASE, Optional.of("a-configured-secret-of-some-length"), clock)
                .authorizeUpload(key, put, "image/png", 3);
        IllegalStateException shortSecret = assertThrows(IllegalStateException.class,
                () -> new LocalEvidenceStore(dataDir, BASE, Optional.of("short"), clock));
        assertTrue(shortSecret.getMessage().contains("zhicheng.evidence.local-secret"), shortSecret.getMessage());
    }

    private static void assertDenied(Code code, Executable call) {
        StoreAccessDenied denied = assertThrows(StoreAccessDenied.class, call);
        assertEquals(code, denied.code(), denied.getMessage());
    }

    static Map<String, String> query(PresignedRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : request.url().getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> copy = new HashMap<>(query);
        copy.put(name, value);
        return copy;
    }

    private static Map<String, String> without(Map<String, String> query, String name) {
        Map<String, String> copy = new HashMap<>(query);
        copy.remove(name);
        return copy;
    }

    private static String flipLastHexDigit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }

    private static ByteArrayInputStream body(int length) {
        return new ByteArrayInputStream(new byte[length]);
    }

    private static String newKey() {
        return "applications/" + UUID.randomUUID() + "/" + UUID.randomUUID();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
