package cn.zhicheng.certificate.seal.service;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.certificate.IssuerSealImage;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.storage.EvidenceStore;
import cn.zhicheng.core.storage.ImageType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * R27: the picture of the issuer's seal printed on its certificates, kept in the evidence store under
 * {@code seal/{issuerId}/}. Only the picture: the certificate's authority is the signature its QR code carries.
 */
@ApplicationScoped
@Transactional
public class IssuerSealService {

    public static final String SUBJECT = "ISSUER_SEAL";
    public static final long MAX_SIZE = 1024 * 1024;

    private final EvidenceStore store;
    private final AuditTrail audit;
    private final Clock clock;

    public IssuerSealService(EvidenceStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** A seal image and its bytes. */
    public record Image(String contentType, byte[] bytes) {
    }

    /** Replaces the actor's bureau's seal image once the bytes are what the declared type says they are. */
    public IssuerSealImage upload(Actor actor, String declaredType, byte[] bytes) {
        ImageType image = ImageType.of(declaredType, bytes).orElseThrow(() -> {
            String type = declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
            return Problem.rule("R27", 400, "SEAL_IMAGE_INVALID", "Not a PNG or JPEG image",
                    "Send the seal as image/png or image/jpeg with the matching file contents; got "
                            + (type.isEmpty() ? "no type" : type) + ".");
        });
        if (bytes.length > MAX_SIZE) {
            throw Problem.rule("R27", 400, "SEAL_IMAGE_INVALID", "Seal image too large",
                    "The seal image may be at most 1 MiB; this one is " + bytes.length + " bytes.");
        }
        UUID issuerId = actor.unitId();
        String sha256 = sha256(bytes);
        IssuerSealImage seal = IssuerSealImage.findById(issuerId);
        String before = seal == null ? null : "UPLOADED";
        if (seal == null) {
            seal = new IssuerSealImage();
            seal.issuerId = issuerId;
        }
        seal.imageKey = "seal/" + issuerId + "/" + sha256 + image.extension();
        seal.contentType = image.mediaType();
        seal.size = bytes.length;
        seal.sha256 = sha256;
        seal.uploadedBy = actor.accountId();
        seal.uploadedAt = clock.instant();
        store.write(seal.imageKey, bytes, seal.contentType);
        seal.persist();
        audit.record(actor, new AuditTrail.Change("SEAL_IMAGE_UPLOADED", SUBJECT, issuerId, before, "UPLOADED",
                seal.contentType + ", " + bytes.length + " bytes, SHA-256 " + sha256));
        return seal;
    }

    /** The actor's bureau's seal image. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Image get(Actor actor) {
        return imageOf(actor.unitId()).orElseThrow(() -> Problem.notFound("SEAL_IMAGE_NOT_FOUND",
                "No seal image was uploaded for your bureau yet."));
    }

    /** The issuer's seal image, if one was uploaded and the store still holds it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Image> imageOf(UUID issuerId) {
        IssuerSealImage image = issuerId == null ? null : IssuerSealImage.findById(issuerId);
        if (image == null) {
            return Optional.empty();
        }
        return store.read(image.imageKey).map(bytes -> new Image(image.contentType, bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
