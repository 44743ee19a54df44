package cn.zhicheng.core.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** R24: a unit's application (附件3) to register, change or cancel its title e-seal, decided by the city HR bureau. */
@Entity
@Table(name = "seal_registration")
public class SealRegistration extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "hr_bureau_id", nullable = false)
    public UUID hrBureauId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SealBusiness business;

    @Column(name = "unit_name", nullable = false)
    public String unitName;

    @Column(name = "legal_representative", nullable = false)
    public String legalRepresentative;

    /** The unified social credit code (GB 32100), its check character verified. */
    @Column(name = "credit_code", nullable = false)
    public String creditCode;

    @Column(name = "handler_name", nullable = false)
    public String handlerName;

    @Column(name = "handler_id_number", nullable = false)
    public String handlerIdNumber;

    @Column(name = "handler_mobile", nullable = false)
    public String handlerMobile;

    @Column(name = "handler_phone")
    public String handlerPhone;

    @Column(nullable = false)
    public String address;

    /** When the applicant accepted the declaration of 附件3 part IV. */
    @Column(name = "declaration_accepted_at", nullable = false)
    public Instant declarationAcceptedAt;

    /** The title seal's image (职称专用章), never the unit's official seal; none for a cancellation. */
    @Column(name = "image_key")
    public String imageKey;

    @Column(name = "image_content_type")
    public String imageContentType;

    @Column(name = "image_size")
    public Long imageSize;

    @Column(name = "image_sha256")
    public String imageSha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SealRegistrationState state;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "submitted_by", nullable = false)
    public UUID submittedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decision_note")
    public String decisionNote;

    /** The signing key approval created (NEW, CHANGE). */
    @Column
    public String kid;

    /** The approved registration a change or cancellation ends. */
    @Column(name = "replaces_id")
    public UUID replacesId;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The unit's registration in force: approved, a new seal or a change, not yet retired. */
    public static Optional<SealRegistration> activeFor(UUID unitId) {
        return find("unitId = ?1 and state = ?2 and business <> ?3 order by decidedAt desc", unitId,
                SealRegistrationState.APPROVED, SealBusiness.CANCEL).firstResultOptional();
    }
}
