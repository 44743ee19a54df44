package cn.zhicheng.certificate.rest;

import cn.zhicheng.certificate.service.IssuerKeys;
import cn.zhicheng.core.certificate.SigningKey;
import cn.zhicheng.core.unit.Unit;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The published issuer keys (current and retired) as JWKs, so anyone can check a signature offline. */
public record TrustList(List<Entry> keys) {

    /** One issuer key. */
    public record Entry(String kid, UUID issuerId, String issuerName, String alg, Map<String, String> jwk,
            Instant validFrom, Instant validTo) {
    }

    static TrustList current() {
        List<Entry> entries = SigningKey.listAll().stream().map(TrustList::entry).toList();
        return new TrustList(entries);
    }

    private static Entry entry(SigningKey key) {
        ECPublicKey publicKey = (ECPublicKey) IssuerKeys.publicKey(key);
        Unit issuer = Unit.findById(key.issuerId);
        Map<String, String> jwk = Map.of("kty", "EC", "crv", "P-256", "kid", key.kid, "use", "sig", "alg", "ES256",
                "x", coordinate(publicKey.getW().getAffineX()), "y", coordinate(publicKey.getW().getAffineY()));
        return new Entry(key.kid, key.issuerId, issuer.name, "ES256", jwk, key.validFrom, key.validTo);
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
