package cn.zhicheng.core.round;

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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A committee's review round of one year (评审批次): its meetings decide applications, then the pass list (R14),
 * the senior cap (R13), the result notice (R15) and the approval filing (R16) are done for the round as a whole.
 */
@Entity
@Table(name = "review_round")
public class ReviewRound extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "committee_id", nullable = false)
    public UUID committeeId;

    @Column(name = "round_year", nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RoundState state;

    /** The day of the round's latest closed meeting: R14 and R16 count from it. */
    @Column(name = "reviewed_on")
    public LocalDate reviewedOn;

    @Column(name = "pass_list_submitted_at")
    public Instant passListSubmittedAt;

    @Column(name = "pass_list_submitted_by")
    public UUID passListSubmittedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public UUID approvedBy;

    /** Why the HR bureau sent the pass list back, if it did. */
    @Column(name = "returned_reason")
    public String returnedReason;

    @Column(name = "notice_starts_on")
    public LocalDate noticeStartsOn;

    @Column(name = "notice_ends_on")
    public LocalDate noticeEndsOn;

    @Column(name = "filed_at")
    public Instant filedAt;

    @Column(name = "filed_by")
    public UUID filedBy;

    /** R13: the HR bureau's written reason for allowing a senior pass rate above half. */
    @Column(name = "senior_override_reason")
    public String seniorOverrideReason;

    @Column(name = "senior_override_by")
    public UUID seniorOverrideBy;

    @Column(name = "senior_override_at")
    public Instant seniorOverrideAt;

    /** R17: the year's written summary the office reports after the filing (003 附件5). */
    public String summary;

    @Column(name = "summary_at")
    public Instant summaryAt;

    @Column(name = "summary_by")
    public UUID summaryBy;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<ReviewRound> find(UUID committeeId, int year) {
        return find("committeeId = ?1 and year = ?2", committeeId, year).firstResultOptional();
    }

    /** The rounds of the committees given, newest year first. */
    public static List<ReviewRound> listByCommittees(Collection<UUID> committeeIds) {
        if (committeeIds.isEmpty()) {
            return List.of();
        }
        return list("committeeId in ?1 order by year desc, createdAt desc", committeeIds);
    }

    /** R15: rounds whose results are or were on public notice, latest notice first. */
    public static List<ReviewRound> listPublished() {
        return list("state in ?1 order by noticeStartsOn desc, id", List.of(RoundState.NOTICE, RoundState.FILED));
    }
}
