package cn.zhicheng.core.storage;

import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.storage.StoreAccessDenied.Code;
import cn.zhicheng.core.util.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Evidence files under {@code <dataDir>/evidence}, reached through HMAC-signed URLs shaped like S3 presigned ones. */
public class LocalEvidenceStore implements EvidenceStore {

    public static final String ROUTE = "/local-store/";
    public static final String METHOD = "X-Zc-Method";
    public static final String EXPIRES = "X-Zc-Expires";
    public static final String TYPE = "X-Zc-Type";
    public static final String LENGTH = "X-Zc-Length";
    public static final String FILENAME = "X-Zc-Filename";
    public static final String SIGNATURE = "X-Zc-Signature";

    /** What an object's Content-Type is when its type file is missing (as S3 answers for untyped objects). */
    public static final String DEFAULT_TYPE = "application/octet-stream";

    // Segments may not start with a dot, so ".", ".." and the store's own ".meta"/".tmp" folders are unreachable.
    private static final Pattern KEY =
            Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final int MAX_KEY_LENGTH = 1024;
    private static final int SECRET_BYTES = 32;
    private static final int MIN_CONFIGURED_SECRET = 16;

    private final Path root;
    private final Path metaRoot;
    private final Path tmpRoot;
    private final String baseUrl;
    private final SecretKeySpec secret;
    private final Clock clock;

    /**
     * @param configuredSecret the HMAC secret from configuration; when empty, one is generated once into
     *     {@code <dataDir>/keys/local-store.secret} so signed URLs survive restarts
     */
    public LocalEvidenceStore(Path dataDir, String publicBaseUrl, Optional<String> configuredSecret, Clock clock) {
        Path data = dataDir.toAbsolutePath().normalize();
        this.root = data.resolve("evidence");
        this.metaRoot = root.resolve(".meta");
        this.tmpRoot = root.resolve(".tmp");
        this.baseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        this.secret = new SecretKeySpec(secretBytes(data, configuredSecret), "HmacSHA256");
        this.clock = clock;
    }

    public static LocalEvidenceStore fromConfig(ZhichengConfig config, Clock clock) {
        return new LocalEvidenceStore(Path.of(config.dataDir()), config.publicBaseUrl(),
                config.evidence().localSecret(), clock);
    }

    @Override
    public PresignedRequest presignUpload(String objectKey, String contentType, long contentLength, Duration ttl) {
        requireKey(objectKey);
        if (contentType == null || contentType.isBlank() || hasControl(contentType)) {
            throw new IllegalArgumentException("a content type is required and must be a single header value");
        }
        if (contentLength < 0) {
            throw new IllegalArgumentException("content length must not be negative: " + contentLength);
        }
        long expires = expiry(ttl);
        Map<String, String> query = new LinkedHashMap<>();
        query.put(METHOD, "PUT");
        query.put(EXPIRES, Long.toString(expires));
        query.put(TYPE, contentType.strip());
        query.put(LENGTH, Long.toString(contentLength));
        query.put(SIGNATURE, signature("PUT", objectKey, query));
        return new PresignedRequest("PUT", url(objectKey, query), Map.of("Content-Type", contentType.strip()),
                Instant.ofEpochSecond(expires));
    }

    @Override
    public PresignedRequest presignDownload(String objectKey, String downloadFileName, Duration ttl) {
        requireKey(objectKey);
        long expires = expiry(ttl);
        Map<String, String> query = new LinkedHashMap<>();
        query.put(METHOD, "GET");
        query.put(EXPIRES, Long.toString(expires));
        query.put(FILENAME, ContentDisposition.clean(downloadFileName));
        query.put(SIGNATURE, signature("GET", objectKey, query));
        return new PresignedRequest("GET", url(objectKey, query), Map.of(), Instant.ofEpochSecond(expires));
    }

    @Override
    public Optional<StoredObject> describe(String objectKey) {
        requireKey(objectKey);
        Path file = root.resolve(objectKey);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(new StoredObject(objectKey, Files.size(file), storedType(objectKey)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the evidence file of " + objectKey, e);
        }
    }

    @Override
    public Optional<byte[]> read(String objectKey) {
        requireKey(objectKey);
        Path file = root.resolve(objectKey);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the evidence file of " + objectKey, e);
        }
    }

    @Override
    public void write(String objectKey, byte[] bytes, String contentType) {
        requireKey(objectKey);
        Path target = root.resolve(objectKey);
        try {
            Files.createDirectories(tmpRoot);
            Path tmp = Files.createTempFile(tmpRoot, "write-", ".part");
            try {
                Files.write(tmp, bytes);
                writeType(objectKey, contentType);
                Files.createDirectories(target.getParent());
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the evidence file of " + objectKey, e);
        }
    }

    /**
     * Checks a PUT against its signed URL and returns where the file goes. {@code contentLength} is the request's
     * Content-Length, or -1 when it has none (chunked); {@link #receive} then enforces the signed length.
     */
    public Path authorizeUpload(String key, Map<String, String> query, String contentType, long contentLength) {
        Path target = checkedPath(key);
        checkSignedUrl("PUT", key, query);
        String signedType = query.get(TYPE);
        if (contentType == null || !signedType.equalsIgnoreCase(contentType.strip())) {
            throw new StoreAccessDenied(Code.TYPE_MISMATCH, "The URL was signed for Content-Type '" + signedType
                    + "', but the request sends " + (contentType == null ? "none" : "'" + contentType + "'") + ".");
        }
        long signedLength = Long.parseLong(query.get(LENGTH));
        if (contentLength >= 0 && contentLength != signedLength) {
            throw sizeMismatch(signedLength, contentLength);
        }
        return target;
    }

    /** Checks a GET against its signed URL and returns the file to send; its signed name is in {@link #FILENAME}. */
    public Path authorizeDownload(String key, Map<String, String> query) {
        Path file = checkedPath(key);
        checkSignedUrl("GET", key, query);
        if (!Files.isRegularFile(file)) {
            throw new StoreAccessDenied(Code.OBJECT_NOT_FOUND, "There is no file under this key.");
        }
        return file;
    }

    /**
     * Authorizes a PUT and stores its body: streamed to a temporary file, refused as soon as it outgrows the signed
     * length (or if it ends short of it), then moved into place in one step so readers never see half a file.
     */
    public Upload receive(String key, Map<String, String> query, String contentType, long contentLength,
            InputStream body) {
        Path target = authorizeUpload(key, query, contentType, contentLength);
        long signedLength = Long.parseLong(query.get(LENGTH));
        Path tmp = null;
        try {
            Files.createDirectories(tmpRoot);
            tmp = Files.createTempFile(tmpRoot, "upload-", ".part");
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            long total = 0;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = body.read(buffer)) != -1) {
                    total += n;
                    if (total > signedLength) {
                        throw new StoreAccessDenied(Code.SIZE_MISMATCH, "The body is longer than the "
                                + signedLength + " bytes the URL was signed for.");
                    }
                    md5.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (total != signedLength) {
                throw sizeMismatch(signedLength, total);
            }
            String type = query.get(TYPE);
            writeType(key, type);
            Files.createDirectories(target.getParent());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // MD5 of the body, as S3 reports for single-part uploads
            return new Upload(new StoredObject(key, total, type), HexFormat.of().formatHex(md5.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the evidence file of " + key, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray .part file in .tmp is harmless and never served
                }
            }
        }
    }

    /** A stored upload and its entity tag (hex MD5 of the body). */
    public record Upload(StoredObject object, String etag) {
    }

    private Path checkedPath(String key) {
        if (!isValidKey(key)) {
            throw new StoreAccessDenied(Code.KEY_INVALID, "The object key is not a valid key of this store.");
        }
        Path path = root.resolve(key).normalize();
        // belt and braces: the key pattern already excludes anything that could leave the folder
        if (!path.startsWith(root) || path.startsWith(metaRoot) || path.startsWith(tmpRoot)) {
            throw new StoreAccessDenied(Code.KEY_INVALID, "The object key is not a valid key of this store.");
        }
        return path;
    }

    private void checkSignedUrl(String method, String key, Map<String, String> query) {
        String signedMethod = query.get(METHOD);
        String expires = query.get(EXPIRES);
        String given = query.get(SIGNATURE);
        if (signedMethod == null || expires == null || given == null || !expires.matches("\\d{1,18}")) {
            throw malformed();
        }
        if (query.values().stream().anyMatch(v -> v != null && hasControl(v))) {
            throw malformed();
        }
        if ("PUT".equals(signedMethod)
                && (query.get(TYPE) == null || query.get(LENGTH) == null || !query.get(LENGTH).matches("\\d{1,18}"))) {
            throw malformed();
        }
        if ("GET".equals(signedMethod) && query.get(FILENAME) == null) {
            throw malformed();
        }
        byte[] givenBytes;
        try {
            givenBytes = HexFormat.of().parseHex(given);
        } catch (IllegalArgumentException e) {
            throw new StoreAccessDenied(Code.SIGNATURE_INVALID, "The URL's signature is not valid.");
        }
        byte[] expected = HexFormat.of().parseHex(signature(signedMethod, key, query));
        if (!MessageDigest.isEqual(expected, givenBytes)) {
            throw new StoreAccessDenied(Code.SIGNATURE_INVALID,
                    "The URL's signature does not match; it was changed or signed for another object.");
        }
        if (!method.equals(signedMethod)) {
            throw new StoreAccessDenied(Code.METHOD_MISMATCH,
                    "The URL was signed for " + signedMethod + ", not " + method + ".");
        }
        if (clock.instant().getEpochSecond() > Long.parseLong(expires)) {
            throw new StoreAccessDenied(Code.URL_EXPIRED, "The URL expired at "
                    + Instant.ofEpochSecond(Long.parseLong(expires)) + "; ask for a new one.");
        }
    }

    // Every signed value sits on its own line and none may contain a line break, so no two URLs share a string.
    private String signature(String method, String key, Map<String, String> query) {
        String canonical = String.join("\n", "ZC-HMAC-SHA256", method, key,
                query.getOrDefault(EXPIRES, ""),
                query.getOrDefault(TYPE, ""),
                query.getOrDefault(LENGTH, ""),
                query.getOrDefault(FILENAME, ""));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private URI url(String key, Map<String, String> query) {
        String queryString = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        // keys match KEY, so they need no escaping in the path
        return URI.create(baseUrl + ROUTE + key + "?" + queryString);
    }

    private long expiry(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a signed URL needs a positive lifetime: " + ttl);
        }
        return clock.instant().plus(ttl).getEpochSecond();
    }

    private String storedType(String key) throws IOException {
        Path typeFile = metaRoot.resolve(key + ".type");
        if (!Files.isRegularFile(typeFile)) {
            return DEFAULT_TYPE;
        }
        String type = Files.readString(typeFile, StandardCharsets.UTF_8).strip();
        return type.isEmpty() ? DEFAULT_TYPE : type;
    }

    private void writeType(String key, String contentType) throws IOException {
        Path typeFile = metaRoot.resolve(key + ".type");
        Files.createDirectories(typeFile.getParent());
        Path tmp = Files.createTempFile(typeFile.getParent(), ".type-", ".tmp");
        try {
            Files.writeString(tmp, contentType, StandardCharsets.UTF_8);
            Files.move(tmp, typeFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void requireKey(String key) {
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("not a valid object key: " + key);
        }
    }

    static boolean isValidKey(String key) {
        return key != null && key.length() <= MAX_KEY_LENGTH && KEY.matcher(key).matches();
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    private static String encode(String value) {
        // %20 rather than '+', which not every decoder of a query string reads as a space
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static StoreAccessDenied malformed() {
        return new StoreAccessDenied(Code.URL_MALFORMED, "The URL lacks the parameters of a signed store URL.");
    }

    private static StoreAccessDenied sizeMismatch(long signed, long actual) {
        return new StoreAccessDenied(Code.SIZE_MISMATCH,
                "The URL was signed for " + signed + " bytes, but the body has " + actual + ".");
    }

    private static byte[] secretBytes(Path dataDir, Optional<String> configured) {
        if (configured.isPresent()) {
            String value = configured.get();
            if (value.length() < MIN_CONFIGURED_SECRET) {
                throw new IllegalStateException("zhicheng.evidence.local-secret must be at least "
                        + MIN_CONFIGURED_SECRET + " characters long; leave it unset to have one generated");
            }
            return value.getBytes(StandardCharsets.UTF_8);
        }
        return PrivateFiles.readOrCreateRandom(dataDir.resolve("keys").resolve("local-store.secret"), SECRET_BYTES);
    }
}
