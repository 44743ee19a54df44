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
