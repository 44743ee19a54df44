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
