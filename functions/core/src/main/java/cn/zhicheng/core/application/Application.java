package cn.zhicheng.core.application;

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
import java.util.UUID;

/**
 * An application for a title (申报). Its state changes only through {@link ApplicationStateMachine}; concurrent
 * changes are caught by the optimistic-lock version.
 */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "applicant_id", nullable = false)
    public UUID applicantId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    /** R3: the unit holding the applicant's labour or personnel relation. */
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "series_id", nullable = false)
    public UUID seriesId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TitleLevel level;

    @Column(nullable = false)
    public String specialty;

    @Column(name = "committee_id", nullable = false)
    public UUID committeeId;

    /** R30: applied on the grassroots track (定向评价、定向使用); the certificate is valid for grassroots posts only. */
    @Column(nullable = false)
    public boolean grassroots;

    /** R27: the specialty the applicant practises (从事专业), printed on the certificate. */
    @Column(name = "practised_specialty")
    public String practisedSpecialty;

    /** R27: the applicant's photo in the evidence store; pending until the upload is confirmed. */
    @Column(name = "photo_key")
    public String photoKey;

    @Column(name = "photo_content_type")
    public String photoContentType;

    @Column(name = "photo_size")
    public Long photoSize;

    @Column(name = "photo_uploaded_at")
    public Instant photoUploadedAt;

    /** R3: employed through the unit, or a flexible worker through an agency. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Employment employment = Employment.EMPLOYED;

    /** R4: the diploma database covers graduates of 2002 and later. */
    @Column(name = "graduation_year")
    public Integer graduationYear;

    /** R4: the degree database covers degrees awarded from 2008-09-01. */
    @Column(name = "degree_awarded_on")
    public LocalDate degreeAwardedOn;

    /** R4: numbers, never copies. */
    @Column(name = "diploma_number", nullable = false)
    public String diplomaNumber;

    @Column(name = "degree_number")
    public String degreeNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "diploma_verification")
    public VerificationRoute diplomaVerification;

    @Enumerated(EnumType.STRING)
    @Column(name = "degree_verification")
    public VerificationRoute degreeVerification;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ApplicationState state;

    /** R5: the applicant's integrity pledge. */
    @Column(name = "pledge_signed_at")
    public Instant pledgeSignedAt;

    /** R5, R6: the unit's pledge, and who gave it. */
    @Column(name = "unit_pledge_signed_at")
    public Instant unitPledgeSignedAt;

    @Column(name = "unit_pledge_by")
    public UUID unitPledgeBy;

    /** R6: who did the unit's first review, and when. */
    @Column(name = "unit_reviewed_by")
    public UUID unitReviewedBy;

    @Column(name = "unit_reviewed_at")
    public Instant unitReviewedAt;

    /** R7: the last day of the unit publicity, counted in working days (R32). */
    @Column(name = "publicity_ends_on")
    public LocalDate publicityEndsOn;

    /** R8: who vetted, and when. */
    @Column(name = "vetted_by")
    public UUID vettedBy;

    @Column(name = "vetted_at")
    public Instant vettedAt;

    /** R1: when the committee accepted it, inside a window. */
    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** R13-R16: the committee's review round the application is decided in. */
    @Column(name = "round_id")
    public UUID roundId;

    @Column(name = "decision_note")
    public String decisionNote;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public ApplicationState state() {
        return state;
    }

    public static Application draft(UUID id, Instant now) {
        Application application = new Application();
        application.id = id;
        application.state = ApplicationState.DRAFT;
        application.createdAt = now;
        application.updatedAt = now;
        return application;
    }

    public static List<Application> listByAccount(UUID accountId) {
        return list("accountId = ?1 order by createdAt desc", accountId);
    }

    public static List<Application> listByUnit(UUID unitId) {
        return list("unitId = ?1 and state <> ?2 order by updatedAt desc", unitId, ApplicationState.DRAFT);
    }

    public static List<Application> listByCommitteesInStates(List<UUID> committeeIds, List<ApplicationState> states) {
        if (committeeIds.isEmpty()) {
            return List.of();
        }
        return list("committeeId in ?1 and state in ?2 order by updatedAt desc", committeeIds, states);
    }
}
