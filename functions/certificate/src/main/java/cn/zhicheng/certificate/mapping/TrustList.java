package cn.zhicheng.certificate.mapping;

import cn.zhicheng.core.certificate.IssuerKeys;
import cn.zhicheng.core.certificate.SigningKey;
import cn.zhicheng.core.seal.JwsCompact;
import cn.zhicheng.core.unit.Unit;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The published issuer keys, current and retired, as JWKs, so anyone can check a signature offline. */
public record TrustList(Instant generatedAt, List<Entry> keys) {

    /** Whether a key signs new certificates or only vouches for those it signed before its rotation. */
    public enum KeyStatus { CURRENT, RETIRED }

    /** One issuer key. */
    public record Entry(String kid, UUID issuerId, String issuerCode, String issuerName, String alg,
            Map<String, String> jwk, Instant validFrom, Instant validTo, String retiredReason, KeyStatus status) {
    }

    public static TrustList of(List<SigningKey> keys, Instant generatedAt) {
        return new TrustList(generatedAt, keys.stream().map(TrustList::entry).toList());
    }

    public static Entry entry(SigningKey key) {
        ECPublicKey publicKey = (ECPublicKey) IssuerKeys.publicKey(key);
        Unit issuer = Unit.findById(key.issuerId);
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", coordinate(publicKey.getW().getAffineX()));
        jwk.put("y", coordinate(publicKey.getW().getAffineY()));
        jwk.put("kid", key.kid);
        jwk.put("use", "sig");
        jwk.put("alg", JwsCompact.ALG);
        return new Entry(key.kid, key.issuerId, issuer.code, issuer.name, JwsCompact.ALG, jwk, key.validFrom,
                key.validTo, key.retiredReason, key.validTo == null ? KeyStatus.CURRENT : KeyStatus.RETIRED);
    }

    /** JWK coordinates are exactly 32 big-endian bytes for P-256. */
    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }
}
