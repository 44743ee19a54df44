package cn.zhicheng.certificate;

import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateIssued;
import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.SigningKey;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.seal.EcdsaSignatures;
import cn.zhicheng.core.seal.JwsCompact;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.storage.EvidenceStore;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.unit.Unit;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * Certificates as issuance leaves them, written straight to the database with a payload really signed by a test
 * key of the issuer's, and {@link CertificateIssued} fired in the same transaction: the PDF, seal and report tests
 * start from an issued certificate without depending on how issuance gets there.
 */
final class CertificateFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair KEY = keyPair();

    private CertificateFixtures() {
    }

    /** What a test needs to know of a certificate it made. */
    record Issued(UUID id, String number, String payload, String publicationNumber) {
    }

    /** How the certificate is made; {@code photo} null leaves the framed 照片 box. */
    record Spec(Actor issuer, Actor holder, boolean grassroots, byte[] photo, LocalDate issuedOn) {

        static Spec of(boolean grassroots, byte[] photo) {
            return new Spec(DemoUsers.actor("hrbureau"), DemoUsers.actor("applicant"), grassroots, photo,
                    LocalDate.now(Arc.container().instance(Clock.class).get()));
        }
    }

    static Issued issue(Spec spec) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Unit issuer = Unit.findById(spec.issuer().unitId());
            Person holder = Person.findById(spec.holder().personId());
            Certificate c = new Certificate();
            c.id = UUID.randomUUID();
            c.number = CertificateNumber.of(issuer.code, spec.issuedOn().getYear(), 500_000 + RANDOM.nextInt(499_999))
                    .value();
            c.personId = holder.id;
            c.issuerId = issuer.id;
            c.kid = key(issuer).kid;
            c.kind = CertificateKind.TITLE;
            c.holderName = holder.name;
            c.holderSex = holder.sex;
            c.seriesName = "工程技术";
            c.specialty = "电气工程";
            c.practisedSpecialty = "配电自动化";
            c.level = TitleLevel.INTERMEDIATE;
            c.committeeName = "潍坊市工程技术中级职称评审委员会";
            c.publicationNumber = "潍人社字〔" + spec.issuedOn().getYear() + "〕" + (10 + RANDOM.nextInt(89)) + "号";
            c.grassroots = spec.grassroots();
            c.issuedOn = spec.issuedOn();
            c.status = CertificateStatus.VALID;
            c.createdAt = Instant.now();
            if (spec.photo() != null) {
                c.photoKey = "applications/fixture-" + c.id + "/photo";
                c.photoContentType = "image/png";
                Arc.container().instance(EvidenceStore.class).get().write(c.photoKey, spec.photo(), "image/png");
            }
            c.payload = sign(c, holder, issuer);
            c.persist();
            Arc.container().beanManager().getEvent().select(CertificateIssued.class)
                    .fire(new CertificateIssued(c.id, c.issuerId, c.kind, c.issuedOn));
            return new Issued(c.id, c.number, c.payload, c.publicationNumber);
        });
    }

    /** Changes a certificate's standing as revocation or a reissue would. */
    static void setStatus(UUID id, CertificateStatus status) {
        QuarkusTransaction.requiringNew().run(() -> {
            Certificate c = Certificate.findById(id);
            if (status == CertificateStatus.REVOKED) {
                c.revoke(cn.zhicheng.core.certificate.RevocationCause.CORRECTION, "fixture", Instant.now());
            } else {
                c.status = status;
                c.supersededAt = Instant.now();
            }
        });
    }

    /** A passport-style PNG: grey background, a darker head and shoulders. */
    static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xdd, 0xe6, 0xf0));
        g.fillRect(0, 0, 120, 160);
        g.setColor(new Color(0x55, 0x44, 0x33));
        g.fillOval(35, 25, 50, 60);
        g.fillRoundRect(15, 100, 90, 80, 40, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static SigningKey key(Unit issuer) {
        return SigningKey.<SigningKey>find("issuerId = ?1 and provider = 'TEST'", issuer.id).firstResultOptional()
                .orElseGet(() -> {
                    SigningKey key = new SigningKey();
                    key.kid = issuer.code + "-" + HexFormat.of().formatHex(new byte[] {
                        (byte) RANDOM.nextInt(), (byte) RANDOM.nextInt(), (byte) RANDOM.nextInt(),
                        (byte) RANDOM.nextInt()});
                    key.issuerId = issuer.id;
                    key.provider = "TEST";
                    key.keyRef = "in-memory test key";
                    key.publicKey = Base64.getEncoder().encodeToString(KEY.getPublic().getEncoded());
                    key.validFrom = Instant.now().minusSeconds(86_400L * 400);
                    key.persist();
                    return key;
                });
    }

    private static String sign(Certificate c, Person holder, Unit issuer) throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("v", 2);
        claims.put("knd", "T");
        claims.put("num", c.number);
        claims.put("name", c.holderName);
        claims.put("idm", holder.maskedIdNumber());
        claims.put("sex", holder.sex.name().substring(0, 1));
        claims.put("ser", c.seriesName);
        claims.put("spe", c.specialty);
        claims.put("prs", c.practisedSpecialty);
        claims.put("lvl", c.level.name());
        claims.put("com", c.committeeName);
        claims.put("pub", c.publicationNumber);
        claims.put("iss", issuer.id.toString());
        claims.put("isn", issuer.name);
        claims.put("iat", c.issuedOn.toString());
        if (c.grassroots) {
            claims.put("rst", "GRASSROOTS");
        }
        byte[] json = new ObjectMapper().writeValueAsBytes(claims);
        return JwsCompact.sign(c.kid, json, message -> {
            try {
                Signature signature = Signature.getInstance("SHA256withECDSA");
                signature.initSign(KEY.getPrivate());
                signature.update(message);
                return EcdsaSignatures.derToJose(signature.sign(), 32);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
