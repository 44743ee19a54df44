package cn.zhicheng.core.certificate;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.catalogue.SealRegistration;
import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Each issuer's current e-seal key (R24), published in the trust list, its rotation and retirement. One current key
 * per issuer and signer; retired keys stay so their certificates verify. An HR bureau's first key is made on first
 * use; a self-evaluating unit's only under its registered e-seal (decision 0014).
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

    /**
     * The issuer's current key of the configured signer, created on first use. R24: a self-evaluating unit has one
     * only while its e-seal registration is in force; its key is made by the approval (or here, under that
     * approval, the first time a signer is used), never after a cancellation.
     */
    public SigningKey current(Unit issuer) {
        String provider = provider();
        // lock the issuer so two first issuances (or an issuance and a rotation) cannot create two keys
        Unit.findById(issuer.id, LockModeType.PESSIMISTIC_WRITE);
        requireSealInForce(issuer);
        return SigningKey.currentFor(issuer.id, provider).orElseGet(() -> create(issuer, provider));
    }

    /**
     * Retires the issuer's current key (its validity ends now, with the reason) and makes a new current one.
     * Certificates keep their kid, so those the retired key signed still verify.
     */
    public SigningKey rotate(Actor actor, Unit issuer, String reason) {
        String provider = provider();
        Unit.findById(issuer.id, LockModeType.PESSIMISTIC_WRITE);
        requireSealInForce(issuer);
        String retired = retireCurrent(issuer, provider, reason).map(key -> key.kid).orElse(null);
        SigningKey next = create(issuer, provider);
        audit.record(actor, new AuditTrail.Change(retired == null ? "CREATE_KEY" : "ROTATE_KEY", SUBJECT, issuer.id,
                retired, next.kid, reason));
        return next;
    }

    /**
     * R24: ends the issuer's current key (its validity ends now, with the reason) and makes no successor, as a
     * cancelled e-seal does. What the key signed still verifies; the issuer cannot sign until a new key is made.
     */
    public Optional<SigningKey> retire(Actor actor, Unit issuer, String reason) {
        String provider = provider();
        Unit.findById(issuer.id, LockModeType.PESSIMISTIC_WRITE);
        Optional<SigningKey> retired = retireCurrent(issuer, provider, reason);
        retired.ifPresent(key -> audit.record(actor, new AuditTrail.Change("RETIRE_KEY", SUBJECT, issuer.id, key.kid,
                null, reason)));
        return retired;
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

    /** R24: whether the issuer may sign: a self-evaluating unit only under an e-seal registration in force. */
    public static boolean sealInForce(Unit issuer) {
        return !issuer.selfEvaluating || SealRegistration.activeFor(issuer.id).isPresent();
    }

    private static void requireSealInForce(Unit issuer) {
        if (!sealInForce(issuer)) {
            throw Problem.rule("R24", 409, "SEAL_NOT_REGISTERED", "No e-seal registered",
                    issuer.name + " has no title e-seal in force: a self-evaluating unit issues certificates only"
                            + " after its city HR bureau approved its e-seal registration.")
                    .with("issuerId", issuer.id);
        }
    }

    private Optional<SigningKey> retireCurrent(Unit issuer, String provider, String reason) {
        return SigningKey.currentFor(issuer.id, provider).map(key -> {
            key.validTo = clock.instant();
            key.retiredReason = reason;
            return key;
        });
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
