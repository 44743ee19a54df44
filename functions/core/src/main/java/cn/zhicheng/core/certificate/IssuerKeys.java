package cn.zhicheng.core.certificate;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.seal.SealKey;
import cn.zhicheng.core.seal.SealSigner;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Each issuer's current e-seal key (R24), created through the signer port on first use and published in the trust
 * list, and its rotation. One current key per issuer and signer; retired keys stay so their certificates verify.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@Unremovable // reached by the certificate issuer, which functions without issuance of their own may not inject
public class IssuerKeys {

    public static final String SUBJECT = "SIGNING_KEY";

    private final SealSigner signer;
    private final ZhichengConfig config;
    private final AuditTrail audit;
    private final Clock clock;

    public IssuerKeys(SealSigner signer, ZhichengConfig config, AuditTrail audit, Clock clock) {
        this.signer = signer;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** The issuer's current key of the configured signer, created on first use. */
    public SigningKey current(Unit issuer) {
        String provider = provider();
        // lock the issuer so two first issuances (or an issuance and a rotation) cannot create two keys
        Unit.findById(issuer.id, LockModeType.PESSIMISTIC_WRITE);
        return SigningKey.currentFor(issuer.id, provider).orElseGet(() -> create(issuer, provider));
    }

    /**
     * Retires the issuer's current key (its validity ends now, with the reason) and makes a new current one.
     * Certificates keep their kid, so those the retired key signed still verify.
     */
    public SigningKey rotate(Actor actor, Unit issuer, String reason) {
        String provider = provider();
        Unit.findById(issuer.id, LockModeType.PESSIMISTIC_WRITE);
        String retired = SigningKey.currentFor(issuer.id, provider).map(key -> {
            key.validTo = clock.instant();
            key.retiredReason = reason;
            return key.kid;
        }).orElse(null);
        SigningKey next = create(issuer, provider);
        audit.record(actor, new AuditTrail.Change("ROTATE_KEY", SUBJECT, issuer.id, retired, next.kid, reason));
        return next;
    }

    public static List<SigningKey> listFor(UUID issuerId) {
        return SigningKey.list("issuerId = ?1 order by validFrom desc", issuerId);
    }

    public static PublicKey publicKey(SigningKey key) {
        try {
            byte[] der = Base64.getDecoder().decode(key.publicKey);
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Stored public key of " + key.kid + " is unreadable", e);
        }
    }

    /** Whether a certificate dated {@code issuedOn} (China) falls inside the key's validity, as verifiers check. */
    public static boolean covers(SigningKey key, LocalDate issuedOn) {
        LocalDate from = LocalDate.ofInstant(key.validFrom, ClockProducer.CHINA);
        LocalDate to = key.validTo == null ? null : LocalDate.ofInstant(key.validTo, ClockProducer.CHINA);
        return !issuedOn.isBefore(from) && (to == null || !issuedOn.isAfter(to));
    }

    private String provider() {
        return config.seal().signer().toUpperCase(Locale.ROOT);
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
