package cn.zhicheng.core.seal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/** ES256 JWS in compact serialization (RFC 7515), the signed form of a certificate payload. */
public final class JwsCompact {

    public static final String ALG = "ES256";
    /** The {@code typ} of a certificate payload, so a JWS made for another purpose is not taken for one. */
    public static final String CERTIFICATE_TYPE = "zhicheng-cert+jws";

    private static final int SIGNATURE_LENGTH = 2 * EcdsaSignatures.P256_SIZE;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");
    // RFC 7515 section 4: duplicate header names must be rejected, not resolved either way.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private JwsCompact() {
    }

    /** Signs a certificate payload: header {@code {"alg":"ES256","kid":kid,"typ":"zhicheng-cert+jws"}}. */
    public static String sign(String kid, byte[] payloadJson, Function<byte[], byte[]> joseSigner) {
        Objects.requireNonNull(kid, "kid");
        // a fixed order, so the same certificate always gets the same header bytes
        Map<String, String> header = new LinkedHashMap<>();
        header.put("kid", kid);
        header.put("typ", CERTIFICATE_TYPE);
        return sign(header, payloadJson, joseSigner);
    }

    /**
     * Signs the payload with {@code alg} ES256 first in the header, then {@code headerExtra} (e.g. kid, typ).
     *
     * @param joseSigner signs the JWS signing input with ECDSA P-256 / SHA-256 and returns R||S (64 bytes), such as
     *     {@code input -> signer.sign(keyRef, input)}
     */
    public static String sign(Map<String, ?> headerExtra, byte[] payloadJson, Function<byte[], byte[]> joseSigner) {
        ObjectNode header = JSON.createObjectNode();
        header.put("alg", ALG);
        headerExtra.forEach((name, value) -> {
            if (name.equals("alg")) {
                if (!ALG.equals(value)) {
                    throw new IllegalArgumentException("this signer makes ES256 signatures only, not " + value);
                }
                return;
            }
            header.set(name, JSON.valueToTree(value));
        });
        String signingInput;
        try {
            signingInput = ENCODER.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + ENCODER.encodeToString(payloadJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the JWS header cannot be written as JSON", e);
        }
        byte[] signature = joseSigner.apply(signingInput.getBytes(StandardCharsets.US_ASCII));
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new IllegalStateException("an ES256 signature is " + SIGNATURE_LENGTH + " bytes (R||S), the signer "
                    + "returned " + (signature == null ? "none" : signature.length));
        }
        return signingInput + "." + ENCODER.encodeToString(signature);
    }

    /** Splits and decodes a compact JWS without checking its signature; see {@link #verify}. */
    public static Parsed parse(String compact) {
        if (compact == null || compact.isEmpty()) {
            throw new MalformedJws("The JWS is empty.");
        }
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (first < 0 || second < 0 || compact.indexOf('.', second + 1) >= 0) {
            throw new MalformedJws("A compact JWS has exactly three parts separated by dots.");
        }
        String headerPart = compact.substring(0, first);
        String payloadPart = compact.substring(first + 1, second);
        String signaturePart = compact.substring(second + 1);
        byte[] headerBytes = decode(headerPart, "header");
        byte[] payload = decode(payloadPart, "payload");
        byte[] signature = decode(signaturePart, "signature");
        if (headerBytes.length == 0) {
            throw new MalformedJws("The JWS header is empty.");
        }
        if (signature.length == 0) {
            throw new MalformedJws("The JWS has no signature.");
        }
        JsonNode header;
        try {
            header = JSON.readTree(headerBytes);
        } catch (JsonProcessingException e) {
            throw new MalformedJws("The JWS header is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedJws("The JWS header is not valid JSON.", e);
        }
        if (!(header instanceof ObjectNode object)) {
            throw new MalformedJws("The JWS header is not a JSON object.");
        }
        if (!object.path("alg").isTextual()) {
            throw new MalformedJws("The JWS header names no algorithm (alg).");
        }
        if (object.has("crit")) {
            // RFC 7515 section 4.1.11: extensions we do not understand make the JWS unusable, not ignorable
            throw new MalformedJws("The JWS header has critical extensions (crit) this verifier does not support.");
        }
        byte[] signingInput = compact.substring(0, second).getBytes(StandardCharsets.US_ASCII);
        return new Parsed(object, payload, signingInput, signature);
    }

    /**
     * True when the JWS is ES256 and its signature over the signing input verifies with the key; false for any other
     * algorithm (so {@code "none"} or an HMAC header never passes) or a wrong signature.
     */
    public static boolean verify(Parsed jws, PublicKey key) {
        if (!ALG.equals(jws.alg()) || jws.signature().length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(jws.signingInput());
            return verifier.verify(EcdsaSignatures.joseToDer(jws.signature()));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException(
                    "an ES256 JWS needs an EC P-256 public key, not " + key.getAlgorithm(), e);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withECDSA is not available", e);
        }
    }

    private static byte[] decode(String part, String name) {
        // the JWS alphabet has no padding and no '+' or '/', which the JDK's URL decoder would partly accept
        if (!BASE64URL.matcher(part).matches() || part.length() % 4 == 1) {
            throw new MalformedJws("The JWS " + name + " is not base64url without padding.");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw new MalformedJws("The JWS " + name + " is not base64url without padding.", e);
        }
        // R28: the decoder ignores the unused low bits of a last character, so two texts could carry one signature;
        // only the canonical spelling is accepted, and any changed character of a payload is caught
        if (!ENCODER.encodeToString(bytes).equals(part)) {
            throw new MalformedJws("The JWS " + name + " is not canonical base64url.");
        }
        return bytes;
    }

    /**
     * A decoded compact JWS; {@code signingInput} is the exact ASCII of {@code header.payload} the signature covers.
     */
    public record Parsed(ObjectNode header, byte[] payload, byte[] signingInput, byte[] signature) {

        public String alg() {
            return header.path("alg").asText(null);
        }

        public String kid() {
            JsonNode kid = header.get("kid");
            return kid != null && kid.isTextual() ? kid.asText() : null;
        }

        public String typ() {
            JsonNode typ = header.get("typ");
            return typ != null && typ.isTextual() ? typ.asText() : null;
        }
    }

    /** The text is not a well-formed compact JWS; the message says which part is wrong. */
    public static class MalformedJws extends IllegalArgumentException {

        public MalformedJws(String message) {
            super(message);
        }

        public MalformedJws(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
