package cn.zhicheng.core.appointment;

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
import java.util.UUID;

/** R25, R26: a self-evaluating unit's appointment record (信息采集表, 附件4), whose certificate it releases. */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    /** The active filing of the series it was recorded under (R23). */
    @Column(name = "filing_id", nullable = false)
    public UUID filingId;

    @Column(name = "series_id", nullable = false)
    public UUID seriesId;

    @Column(name = "holder_name", nullable = false)
    public String holderName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sex sex;

    @Column(nullable = false)
    public String specialty;

    @Column(name = "practised_specialty")
    public String practisedSpecialty;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TitleLevel level;

    @Column(nullable = false)
    public String post;

    /** The day of the appointment (聘用), from which the R25 report and upload days count. */
    @Column(name = "appointed_on", nullable = false)
    public LocalDate appointedOn;

    @Column(name = "term_starts_on", nullable = false)
    public LocalDate termStartsOn;

    @Column(name = "term_ends_on", nullable = false)
    public LocalDate termEndsOn;

    @Column(name = "committee_name", nullable = false)
    public String committeeName;

    @Column(name = "publication_number", nullable = false)
    public String publicationNumber;

    /** When the unit reported it to the personnel department (R25: within 5 working days). */
    @Column(name = "reported_on")
    public LocalDate reportedOn;

    @Column(name = "report_reference")
    public String reportReference;

    /** R26: appointed before the series was filed and still in its term. */
    @Column(nullable = false)
    public boolean backfill;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentState state;

    @Column(name = "upload_id")
    public UUID uploadId;

    @Column(name = "upload_row")
    public Integer uploadRow;

    /** The day the record was uploaded; the certificate is released 15 working days later. */
    @Column(name = "uploaded_on", nullable = false)
    public LocalDate uploadedOn;

    @Column(name = "recorded_by", nullable = false)
    public UUID recordedBy;

    @Column(name = "photo_key")
    public String photoKey;

    @Column(name = "photo_content_type")
    public String photoContentType;

    @Column(name = "photo_size")
    public Long photoSize;

    /** Why a release that is due waits, until the next run of the release job. */
    @Enumerated(EnumType.STRING)
    @Column(name = "hold_reason")
    public HoldReason holdReason;

    @Column(name = "certificate_id")
    public UUID certificateId;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
