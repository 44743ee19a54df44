package cn.zhicheng.core.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One uploaded supporting document (佐证材料); the bytes live in the evidence store, never in the database. */
@Entity
@Table(name = "evidence_item")
public class EvidenceItem extends PanacheEntityBase {

    /** PENDING until the store confirms the browser's upload. */
    public enum Status { PENDING, UPLOADED }

    @Id
    public UUID id;

    /** R7: the applicant's evidence, or one of the documents the unit attaches to its recommendation. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvidenceKind kind = EvidenceKind.APPLICANT;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String title;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public long size;

    @Column(name = "object_key", nullable = false, unique = true)
    public String objectKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<EvidenceItem> listByApplication(UUID applicationId) {
        return list("applicationId = ?1 order by createdAt", applicationId);
    }
}
