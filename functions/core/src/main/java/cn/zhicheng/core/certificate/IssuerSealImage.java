package cn.zhicheng.core.certificate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * R27: the picture of an issuer's seal printed on its certificates; the file lives in the evidence store. The
 * picture only shows the seal: what makes a certificate the issuer's is its signature in the QR code.
 */
@Entity
@Table(name = "issuer_seal_image")
public class IssuerSealImage extends PanacheEntityBase {

    @Id
    @Column(name = "issuer_id")
    public UUID issuerId;

    @Column(name = "image_key", nullable = false)
    public String imageKey;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public long size;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "uploaded_by", nullable = false)
    public UUID uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
