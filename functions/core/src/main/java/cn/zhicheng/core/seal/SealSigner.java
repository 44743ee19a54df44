package cn.zhicheng.core.seal;

import java.security.PublicKey;

/** Port: an issuer's e-seal key (R24) that signs certificate payloads with ECDSA P-256 / SHA-256. */
public interface SealSigner {

    /** Creates a new P-256 signing key; the reference names it to this signer from then on. */
    SealKey createKey(String label);

    /** Signs the message with ECDSA_SHA_256 and returns the 64-byte JOSE (R||S) signature. */
    byte[] sign(String keyRef, byte[] message);

    PublicKey publicKey(String keyRef);
}
