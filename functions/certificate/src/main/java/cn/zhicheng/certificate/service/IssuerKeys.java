package cn.zhicheng.certificate.service;

import cn.zhicheng.core.certificate.SigningKey;
import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.seal.SealKey;
import cn.zhicheng.core.seal.SealSigner;
import cn.zhicheng.core.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Each issuer's current e-seal key (R24), created through the signer port on first use and registered in the
 * trust list. Registration with HR approval comes with the catalogue; this keeps one key per issuer and signer.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IssuerKeys {

    private final SealSigner signer;
    private final ZhichengConfig config;
    private final Clock clock;

    public IssuerKeys(SealSigner signer, ZhichengConfig config, Clock clock) {
        this.signer = signer;
        this.config = config;
        this.clock = clock;
    }

    public SigningKey current(Unit issuer) {
        String provider = config.seal().signer().toUpperCase(Locale.ROOT);
        // lock the issuer so two first issuances cannot create two keys
        Unit.findById(issuer.id, LockModeType.PESSIMISTIC_WRITE);
        return SigningKey.currentFor(issuer.id, provider).orElseGet(() -> create(issuer, provider));
    }

    public byte[] sign(SigningKey key, byte[] message) {
        return signer.sign(key.keyRef, message);
    }

    public static PublicKey publicKey(SigningKey key) {
        try {
            byte[] der = Base64.getDecoder().decode(key.publicKey);
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Stored public key of " + key.kid + " is unreadable", e);
        }
    }

    private SigningKey create(Unit issuer, String provider) {
        SealKey sealKey = signer.createKey("zhicheng-seal-" + issuer.code);
        SigningKey key = new SigningKey();
        key.kid = issuer.code + "-" + UUID.randomUUID().toString().substring(0, 8);
        key.issuerId = issuer.id;
        key.provider = provider;
        key.keyRef = sealKey.keyRef();
        key.publicKey = Base64.getEncoder().encodeToString(sealKey.publicKey().getEncoded());
        key.validFrom = clock.instant();
        key.persist();
        return key;
    }
}
