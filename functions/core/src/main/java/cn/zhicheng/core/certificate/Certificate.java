package cn.zhicheng.core.certificate;

import cn.zhicheng.core.person.Sex;
import cn.zhicheng.core.series.TitleLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An issued e-certificate (电子证书, R27, R28) with its signed payload. */
@Entity
@Table(name = "certificate")
public class Certificate extends PanacheEntityBase {

    /** R30: what a grassroots certificate states, on its page, its PDF and the verify page. */
    public static final String GRASSROOTS_RESTRICTION = "限基层单位有效（定向评价、定向使用）";

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String number;

    @Column(name = "application_id", unique = true)
    public UUID applicationId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "issuer_id", nullable = false)
    public UUID issuerId;

    @Column(nullable = false)
    public String kid;

    @Column(name = "holder_name", nullable = false)
    public String holderName;

    @Column(name = "series_name", nullable = false)
    public String seriesName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TitleLevel level;

    @Column(nullable = false)
    public String specialty;

    @Column(name = "committee_name", nullable = false)
    public String committeeName;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    /** A committee's title certificate, or a self-evaluating unit's appointment certificate. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificateKind kind = CertificateKind.TITLE;

    @Enumerated(EnumType.STRING)
    @Column(name = "holder_sex")
    public Sex holderSex;

    /** R27: the specialty the holder practises (从事专业), next to the series specialty. */
    @Column(name = "practised_specialty")
    public String practisedSpecialty;

    /** R27: the post (岗位), for appointment certificates. */
    @Column
    public String post;

    /** R27: the appointment term; the certificate is EXPIRED after its end. */
    @Column(name = "term_starts_on")
    public LocalDate termStartsOn;

    @Column(name = "term_ends_on")
    public LocalDate termEndsOn;

    /** R27: the document number (公布文号) that published the result. */
    @Column(name = "publication_number")
    public String publicationNumber;

    /** R30: a grassroots title, valid only for grassroots posts; the certificate says so. */
    @Column(nullable = false)
    public boolean grassroots;

    /** R27: the holder's photo in the evidence store, copied from the application at issuance. */
    @Column(name = "photo_key")
    public String photoKey;

    @Column(name = "photo_content_type")
    public String photoContentType;

    /** Issue 7: the self-evaluating unit's appointment record an appointment certificate comes from. */
    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "revocation_cause")
    public RevocationCause revocationCause;

    /** R29: the certificate this one replaces; set on reissues only. */
    @Column(name = "supersedes_id")
    public UUID supersedesId;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "reissue_reason")
    public ReissueReason reissueReason;

    /** The compact JWS the QR carries. */
    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificateStatus status;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revocation_reason")
    public String revocationReason;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * R20, R31 or an issuer's correction: marks the certificate revoked with the cause, reason and moment; verifiers
     * are told so from then on. Revoking a revoked certificate keeps its first cause, reason and date.
     */
    public void revoke(RevocationCause cause, String reason, Instant at) {
        if (status == CertificateStatus.REVOKED) {
            return;
        }
        status = CertificateStatus.REVOKED;
        revocationCause = cause;
        revokedAt = at;
        revocationReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    /** R30: the restriction sentence this certificate states, or null when it is not a grassroots title. */
    public String restriction() {
        return grassroots ? GRASSROOTS_RESTRICTION : null;
    }

    /** What a verifier is told on {@code today} (China): the stored status, or EXPIRED after the term's end. */
    public CertificateStatus statusOn(LocalDate today) {
        return statusOn(status, termEndsOn, today);
    }

    /** The same rule for a status read without the entity (the public status route reads only a few columns). */
    public static CertificateStatus statusOn(CertificateStatus stored, LocalDate termEndsOn, LocalDate today) {
        if (stored == CertificateStatus.VALID && termEndsOn != null && today.isAfter(termEndsOn)) {
            return CertificateStatus.EXPIRED;
        }
        return stored;
    }

    public static Optional<Certificate> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    public static Optional<Certificate> findByApplication(UUID applicationId) {
        return find("applicationId", applicationId).firstResultOptional();
    }

    /**
     * R29: the certificate now standing for an application: the first one issued, or the last reissue that
     * superseded it (a reissue carries no application id of its own).
     */
    public static Optional<Certificate> currentForApplication(UUID applicationId) {
        Optional<Certificate> current = findByApplication(applicationId);
        while (current.isPresent() && current.get().status == CertificateStatus.SUPERSEDED) {
            Optional<Certificate> next = find("supersedesId", current.get().id).firstResultOptional();
            if (next.isEmpty()) {
                break;
            }
            current = next;
        }
        return current;
    }

    public static List<Certificate> listByPerson(UUID personId) {
        return list("personId = ?1 order by issuedOn desc", personId);
    }
}
