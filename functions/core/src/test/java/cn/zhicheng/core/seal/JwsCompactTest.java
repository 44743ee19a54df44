package cn.zhicheng.core.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JwsCompactTest {

    private static final byte[] PAYLOAD =
            "{\"no\":\"ZC2026-000001-3\",\"name\":\"李四\"}".getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair pair = newKeyPair();
    private final Function<byte[], byte[]> signer = jdkSigner(pair.getPrivate());

    @Test
    void signsWithTheCertificateHeaderAndVerifies() {
        String jws = JwsCompact.sign("issuer-1/2026", PAYLOAD, signer);

        String[] parts = jws.split("\\.", -1);
        assertEquals(3, parts.length);
        assertEquals("{\"alg\":\"ES256\",\"kid\":\"issuer-1/2026\",\"typ\":\"zhicheng-cert+jws\"}",
                new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        assertFalse(jws.contains("="), "base64url without padding");
        JwsCompact.Parsed parsed = JwsCompact.parse(jws);
        assertArrayEquals(PAYLOAD, parsed.payload());
        assertEquals(64, parsed.signature().length);
        assertArrayEquals((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), parsed.signingInput());
        assertTrue(JwsCompact.verify(parsed, pair.getPublic()));
    }

    @Test
    void extraHeaderParametersFollowAlg() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", "k");
        header.put("typ", "other+jws");
        header.put("x5t", "abc");

        JwsCompact.Parsed parsed = JwsCompact.parse(JwsCompact.sign(header, PAYLOAD, signer));

        assertEquals("{\"alg\":\"ES256\",\"kid\":\"k\",\"typ\":\"other+jws\",\"x5t\":\"abc\"}",
                parsed.header().toString());
        assertTrue(JwsCompact.verify(parsed, pair.getPublic()));
    }

    @Test
    void anyChangeBreaksTheSignature() {
        String jws = JwsCompact.sign("k1", PAYLOAD, signer);
        String[] parts = jws.split("\\.");

        String otherKid = B64.encodeToString(
                "{\"alg\":\"ES256\",\"kid\":\"k2\",\"typ\":\"zhicheng-cert+jws\"}".getBytes(StandardCharsets.UTF_8));
        assertFalse(JwsCompact.verify(JwsCompact.parse(otherKid + "." + parts[1] + "." + parts[2]), pair.getPublic()));

        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[40] ^= 0x01;
        assertFalse(JwsCompact.verify(
                JwsCompact.parse(parts[0] + "." + parts[1] + "." + B64.encodeToString(signature)), pair.getPublic()));

        assertFalse(JwsCompact.verify(JwsCompact.parse(jws), newKeyPair().getPublic()), "another issuer's key");
    }

    @Test
    void otherAlgorithmsNeverVerifyEvenWithAGoodSignature() {
        for (String alg : new String[] {"none", "HS256", "ES384"}) {
            String input = b64("{\"alg\":\"" + alg + "\",\"kid\":\"k1\"}") + "." + B64.encodeToString(PAYLOAD);
            String jws = input + "." + B64.encodeToString(signer.apply(input.getBytes(StandardCharsets.US_ASCII)));

            assertFalse(JwsCompact.verify(JwsCompact.parse(jws), pair.getPublic()), alg);
        }
    }

    @Test
    void derSignatureWhereRsBelongsDoesNotVerify() {
        String jws = JwsCompact.sign("k1", PAYLOAD, signer);
        String[] parts = jws.split("\\.");
        String der = B64.encodeToString(EcdsaSignatures.joseToDer(Base64.getUrlDecoder().decode(parts[2])));

        assertFalse(JwsCompact.verify(JwsCompact.parse(parts[0] + "." + parts[1] + "." + der), pair.getPublic()));
    }

    @Test
    void signingRefusesAnotherAlgAndASignerThatDoesNotReturnRs() {
        assertThrows(IllegalArgumentException.class,
                () -> JwsCompact.sign(Map.of("alg", "HS256", "kid", "k"), PAYLOAD, signer));
        Function<byte[], byte[]> derSigner = input -> EcdsaSignatures.joseToDer(signer.apply(input));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JwsCompact.sign("k", PAYLOAD, derSigner));
        assertTrue(e.getMessage().contains("64 bytes"), e.getMessage());
    }

    @Test
    void malformedInputIsRefusedWithAClearMessage() {
        String header = B64.encodeToString("{\"alg\":\"ES256\",\"kid\":\"k\"}".getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(PAYLOAD);
        String signature = B64.encodeToString(new byte[64]);

        assertMalformed(null, "empty");
        assertMalformed("", "empty");
        assertMalformed(header + "." + payload, "three parts");
        assertMalformed(header + "." + payload + "." + signature + ".x", "three parts");
        assertMalformed(header + "." + payload + "." + signature + "=", "signature is not base64url");
        assertMalformed(header + "." + payload.replace('-', '+') + "+/." + signature, "payload is not base64url");
        assertMalformed("." + payload + "." + signature, "header is empty");
        assertMalformed(header + "." + payload + ".", "no signature");
        assertMalformed(b64("not json") + "." + payload + "." + signature, "not valid JSON");
        assertMalformed(b64("[\"ES256\"]") + "." + payload + "." + signature, "not a JSON object");
        assertMalformed(b64("{\"kid\":\"k\"}") + "." + payload + "." + signature, "no algorithm");
        assertMalformed(b64("{\"alg\":\"ES256\",\"alg\":\"none\"}") + "." + payload + "." + signature,
                "not valid JSON");
        assertMalformed(b64("{\"alg\":\"ES256\"} {}") + "." + payload + "." + signature, "not valid JSON");
        assertMalformed(b64("{\"alg\":\"ES256\",\"crit\":[\"exp\"]}") + "." + payload + "." + signature, "crit");
        assertMalformed("a" + "." + payload + "." + signature, "header is not base64url");
    }

    private static void assertMalformed(String compact, String expectedInMessage) {
        JwsCompact.MalformedJws e = assertThrows(JwsCompact.MalformedJws.class, () -> JwsCompact.parse(compact),
                String.valueOf(compact));
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }

    private static String b64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Function<byte[], byte[]> jdkSigner(PrivateKey key) {
        return input -> {
            try {
                Signature signature = Signature.getInstance("SHA256withECDSA");
                signature.initSign(key);
                signature.update(input);
                return EcdsaSignatures.derToJose(signature.sign());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
