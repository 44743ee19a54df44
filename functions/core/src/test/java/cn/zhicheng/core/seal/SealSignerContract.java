package cn.zhicheng.core.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What every {@link SealSigner} must do, run against each adapter by its XxxTest subclass. */
abstract class SealSignerContract {

    static final String LABEL = "某某市人力资源和社会保障局（职改办）";
    static final byte[] PAYLOAD = """
            {"iss":"unit-1","no":"ZC2026-000123-7","name":"张三","series":"工程","level":"INTERMEDIATE"}"""
            .getBytes(StandardCharsets.UTF_8);

    static final String KID = "WFHRSS-0a1b2c3d";
    static final String B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** The claims of a title certificate as the issuing code writes them (docs/certificates.md). */
    static final byte[] CERTIFICATE_CLAIMS = """
            {"v":2,"knd":"T","num":"WFHRSS2026000001K","name":"张伟","idm":"370702******1230","sex":"M",\
            "ser":"工程技术","spe":"电气工程","lvl":"INTERMEDIATE",\
            "com":"潍坊市工程技术中级职称评审委员会","pub":"潍人社字〔2026〕1号",\
            "iss":"0d7f6f0e-3f4e-4b8e-9d1c-2a6b5c4d3e2f","isn":"潍坊市人力资源和社会保障局",\
            "iat":"2026-11-22"}""".getBytes(StandardCharsets.UTF_8);

    abstract SealSigner signer();

    /** A reference of this signer's shape that names no key. */
    abstract String unknownKeyRef();

    @Test
    void createsP256KeysThatSignVerifiably() throws Exception {
        SealKey key = signer().createKey(LABEL);

        ECPublicKey publicKey = assertInstanceOfEc(key.publicKey());
        assertEquals(256, publicKey.getParams().getCurve().getField().getFieldSize());
        assertArrayEquals(key.publicKey().getEncoded(), signer().publicKey(key.keyRef()).getEncoded());

        byte[] signature = signer().sign(key.keyRef(), PAYLOAD);
        assertEquals(64, signature.length, "JOSE R||S");
        assertTrue(jdkVerify(key.publicKey(), PAYLOAD, signature));

        byte[] other = PAYLOAD.clone();
        other[10] ^= 1;
        assertFalse(jdkVerify(key.publicKey(), other, signature));
    }

    @Test
    void eachKeyIsItsOwn() throws Exception {
        SealKey first = signer().createKey("issuer A");
        SealKey second = signer().createKey("issuer B");

        assertNotEquals(first.keyRef(), second.keyRef());
        byte[] signature = signer().sign(first.keyRef(), PAYLOAD);
        assertFalse(jdkVerify(second.publicKey(), PAYLOAD, signature));
    }

    @Test
    void jwsSignedBySealVerifiesAndBreaksWhenThePayloadChanges() {
        SealKey key = signer().createKey(LABEL);

        String jws = JwsCompact.sign("kid-1", PAYLOAD, input -> signer().sign(key.keyRef(), input));

        JwsCompact.Parsed parsed = JwsCompact.parse(jws);
        assertEquals("ES256", parsed.alg());
        assertEquals("kid-1", parsed.kid());
        assertEquals(JwsCompact.CERTIFICATE_TYPE, parsed.typ());
        assertArrayEquals(PAYLOAD, parsed.payload());
        assertTrue(JwsCompact.verify(parsed, signer().publicKey(key.keyRef())));

        String[] parts = jws.split("\\.");
        byte[] tampered = Base64.getUrlDecoder().decode(parts[1]);
        tampered[tampered.length / 2] ^= 0x01;
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered) + "."
                + parts[2];
        assertFalse(JwsCompact.verify(JwsCompact.parse(forged), key.publicKey()));
    }

    @Test
    void R28_aCertificatePayloadSignedThroughTheAdapterVerifiesWithItsPublicKey() {
        SealKey key = signer().createKey(LABEL);

        String jws = JwsCompact.sign(KID, CERTIFICATE_CLAIMS, input -> signer().sign(key.keyRef(), input));

        JwsCompact.Parsed parsed = JwsCompact.parse(jws);
        assertArrayEquals(CERTIFICATE_CLAIMS, parsed.payload());
        assertTrue(JwsCompact.verify(parsed, signer().publicKey(key.keyRef())));
        assertTrue(JwsCompact.verify(parsed, key.publicKey()));
    }

    @Test
    void R28_changingAnySingleCharacterOfTheSignedPayloadIsDetected() {
        SealKey key = signer().createKey(LABEL);
        String jws = JwsCompact.sign(KID, CERTIFICATE_CLAIMS, input -> signer().sign(key.keyRef(), input));
        PublicKey publicKey = signer().publicKey(key.keyRef());

        int checked = 0;
        for (int i = 0; i < jws.length(); i++) {
            char original = jws.charAt(i);
            // another base64url character keeps the text well-formed, so only the signature can catch it
            char valid = original == '.' ? 'A' : B64URL.charAt((B64URL.indexOf(original) + 1) % B64URL.length());
            for (char replacement : new char[] {valid, '+', '/', '=', '.', ' ', '\u00e9'}) {
                if (replacement == original) {
                    continue;
                }
                String tampered = jws.substring(0, i) + replacement + jws.substring(i + 1);
                assertFalse(verifies(tampered, publicKey), "a change at " + i + " to '" + replacement + "' passed");
                checked++;
            }
        }
        assertTrue(checked > 6 * jws.length(), "every position was tried: " + checked);
        assertTrue(verifies(jws, publicKey), "the untouched payload still verifies");
    }

    private static boolean verifies(String compact, PublicKey key) {
        try {
            return JwsCompact.verify(JwsCompact.parse(compact), key);
        } catch (JwsCompact.MalformedJws e) {
            return false;
        }
    }

    @Test
    void unknownKeyIsReportedAsSuch() {
        String ref = unknownKeyRef();
        SealKeyNotFound signing = assertThrows(SealKeyNotFound.class, () -> signer().sign(ref, PAYLOAD));
        assertEquals(ref, signing.keyRef());
        assertThrows(SealKeyNotFound.class, () -> signer().publicKey(ref));
    }

    static boolean jdkVerify(PublicKey key, byte[] message, byte[] jose) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(EcdsaSignatures.joseToDer(jose));
    }

    private static ECPublicKey assertInstanceOfEc(PublicKey key) {
        assertTrue(key instanceof ECPublicKey, "an EC key, got " + key.getAlgorithm());
        return (ECPublicKey) key;
    }
}
