package cn.zhicheng.core.spotcheck;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file an inspector attaches to a finding, stored through the evidence store port. */
@Entity
@Table(name = "spot_check_attachment")
public class FindingAttachment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "finding_id", nullable = false)
    public UUID findingId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public long size;

    @Column(name = "object_key", nullable = false, unique = true)
    public String objectKey;

    /** PENDING until the upload is confirmed, then UPLOADED. */
    @Column(nullable = false)
    public String status;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
