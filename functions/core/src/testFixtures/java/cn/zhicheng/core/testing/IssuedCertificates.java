package cn.zhicheng.core.testing;

import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.ReissueReason;
import cn.zhicheng.core.certificate.RevocationCause;
import cn.zhicheng.core.certificate.SigningKey;
import cn.zhicheng.core.person.Sex;
import cn.zhicheng.core.seal.JwsCompact;
import cn.zhicheng.core.seal.SealKey;
import cn.zhicheng.core.seal.SealSigner;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.unit.Unit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

/**
 * Certificates of the demo HR bureau written straight into the database with a payload really signed by the
 * configured signer, for tests of what verifiers see, independent of the issuing workflow.
 */
public final class IssuedCertificates {

    public static final String ISSUER_CODE = "WFHRSS";
    public static final String HOLDER_NAME = "张伟";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private IssuedCertificates() {
    }

    /** A VALID title certificate issued today; returns its number. */
    public static String title() {
        return QuarkusTransaction.requiringNew().call(() -> insert(CertificateKind.TITLE, null, null).number);
    }

    /** A VALID appointment certificate whose term ends on {@code termEndsOn}; returns its number. */
    public static String appointment(LocalDate termEndsOn) {
        return QuarkusTransaction.requiringNew()
                .call(() -> insert(CertificateKind.APPOINTMENT, termEndsOn, null).number);
    }

    public static void revoke(String number, RevocationCause cause, Instant at) {
        QuarkusTransaction.requiringNew().run(() ->
                Certificate.findByNumber(number).orElseThrow().revoke(cause, "test: " + cause, at));
    }

    /** R29: a reissue of the certificate, which becomes SUPERSEDED at {@code at}; returns the new number. */
    public static String reissue(String number, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Certificate old = Certificate.findByNumber(number).orElseThrow();
            Certificate next = insert(old.kind, old.termEndsOn, old);
            old.status = CertificateStatus.SUPERSEDED;
            old.supersededAt = at;
            return next.number;
        });
    }

    /** Today in China by the system's clock port. */
    public static LocalDate today() {
        return LocalDate.ofInstant(clock().instant(), ClockProducer.CHINA);
    }

    private static Certificate insert(CertificateKind kind, LocalDate termEndsOn, Certificate supersedes) {
        Unit issuer = Unit.findByCode(ISSUER_CODE).orElseThrow();
        SigningKey key = keyOf(issuer);
        Certificate c = new Certificate();
        c.id = UUID.randomUUID();
        c.number = freeNumber();
        c.personId = DemoUsers.actor("applicant").personId();
        c.issuerId = issuer.id;
        c.kid = key.kid;
        c.holderName = HOLDER_NAME;
        c.holderSex = Sex.MALE;
        c.seriesName = "工程技术";
        c.level = TitleLevel.INTERMEDIATE;
        c.specialty = "电气工程";
        c.committeeName = "潍坊市工程技术中级职称评审委员会";
        c.kind = kind;
        c.issuedOn = today();
        c.publicationNumber = "潍人社字〔2026〕1号";
        if (kind == CertificateKind.APPOINTMENT) {
            c.post = "工程师";
            c.termStartsOn = termEndsOn.minusYears(3);
            c.termEndsOn = termEndsOn;
        }
        if (supersedes != null) {
            c.supersedesId = supersedes.id;
            c.reissueReason = ReissueReason.LOST;
        }
        c.payload = signedPayload(c, key, supersedes);
        c.status = CertificateStatus.VALID;
        c.createdAt = clock().instant();
        c.persist();
        return c;
    }

    private static String signedPayload(Certificate c, SigningKey key, Certificate supersedes) {
        ObjectNode claims = JSON.createObjectNode()
                .put("v", 2)
                .put("knd", c.kind == CertificateKind.TITLE ? "T" : "A")
                .put("num", c.number)
                .put("name", c.holderName)
                .put("idm", "3707**********1230")
                .put("sex", "M")
                .put("ser", c.seriesName)
                .put("spe", c.specialty)
                .put("lvl", c.level.name())
                .put("com", c.committeeName)
                .put("pub", c.publicationNumber)
                .put("iss", c.issuerId.toString())
                .put("isn", "潍坊市人力资源和社会保障局")
                .put("iat", c.issuedOn.toString());
        if (c.termEndsOn != null) {
            claims.put("pst", c.post).put("tfr", c.termStartsOn.toString()).put("tto", c.termEndsOn.toString());
        }
        if (supersedes != null) {
            claims.put("rei", supersedes.number);
        }
        SealSigner signer = Arc.container().instance(SealSigner.class).get();
        return JwsCompact.sign(key.kid, claims.toString().getBytes(StandardCharsets.UTF_8),
                input -> signer.sign(key.keyRef, input));
    }

    // A key of the fixture's own rather than the issuer's current one, so the issuing code's key choice is untouched.
    private static SigningKey keyOf(Unit issuer) {
        String kid = ISSUER_CODE + "-f1c7a8e5";
        SigningKey existing = SigningKey.findById(kid);
        if (existing != null) {
            return existing;
        }
        SealKey sealKey = Arc.container().instance(SealSigner.class).get().createKey("fixture " + ISSUER_CODE);
        SigningKey key = new SigningKey();
        key.kid = kid;
        key.issuerId = issuer.id;
        key.provider = "FIXTURE";
        key.keyRef = sealKey.keyRef();
        key.publicKey = Base64.getEncoder().encodeToString(sealKey.publicKey().getEncoded());
        key.validFrom = clock().instant();
        key.persist();
        return key;
    }

    private static String freeNumber() {
        // a year no real issuance uses, so the fixture never takes a serial the issuing code would hand out
        while (true) {
            String number = CertificateNumber.of(ISSUER_CODE, 1999, 1 + RANDOM.nextInt(999_999)).value();
            if (Certificate.findByNumber(number).isEmpty()) {
                return number;
            }
        }
    }

    private static Clock clock() {
        return Arc.container().instance(Clock.class).get();
    }
}
