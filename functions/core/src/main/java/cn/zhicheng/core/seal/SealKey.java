package cn.zhicheng.core.seal;

import java.security.PublicKey;

/** A signing key as the signer knows it (a KMS key id, or a local key file name) and its public half. */
public record SealKey(String keyRef, PublicKey publicKey) {
}
