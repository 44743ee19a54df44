package cn.zhicheng.core.certificate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An issuer's e-seal key (R24) as the trust list publishes it. Retired keys stay listed so certificates they
 * signed remain verifiable.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    /** The JWS key id. */
    @Id
    public String kid;

    @Column(name = "issuer_id", nullable = false)
    public UUID issuerId;

    /** Which signer holds the private half: LOCAL or KMS. */
    @Column(nullable = false)
    public String provider;

    /** The signer's name for the key (a KMS key id, or a local key file name); never the private key. */
    @Column(name = "key_ref", nullable = false)
    public String keyRef;

    /** X.509 SubjectPublicKeyInfo, base64. */
    @Column(name = "public_key", nullable = false)
    public String publicKey;

    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    /** Why the key was retired (rotation, seal change or cancellation); null while current. */
    @Column(name = "retired_reason")
    public String retiredReason;

    public static Optional<SigningKey> currentFor(UUID issuerId, String provider) {
        return find("issuerId = ?1 and provider = ?2 and validTo is null order by validFrom desc", issuerId, provider)
                .firstResultOptional();
    }

    public static List<SigningKey> listAll() {
        return list("order by validFrom");
    }
}
