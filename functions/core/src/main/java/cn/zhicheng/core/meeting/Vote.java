package cn.zhicheng.core.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** R12: one expert's secret vote on one application at one meeting; other experts never see it. */
@Entity
@Table(name = "vote")
@IdClass(Vote.Key.class)
public class Vote extends PanacheEntityBase {

    /** A vote's choice. */
    public enum Choice { YES, NO, ABSTAIN }

    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Id
    @Column(name = "expert_id")
    public UUID expertId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Choice choice;

    @Column(name = "cast_at", nullable = false)
    public Instant castAt;

    /** Every vote of a meeting: for the tally at close (R12), never for a view. */
    public static List<Vote> listByMeeting(UUID meetingId) {
        return list("meetingId = ?1", meetingId);
    }

    /** One expert's own votes at a meeting: what that expert, and only that expert, sees. */
    public static List<Vote> listByExpert(UUID meetingId, UUID expertId) {
        return list("meetingId = ?1 and expertId = ?2", meetingId, expertId);
    }

    public static boolean exists(UUID meetingId, UUID applicationId, UUID expertId) {
        return findById(new Key(meetingId, applicationId, expertId)) != null;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID meetingId;
        public UUID applicationId;
        public UUID expertId;

        public Key() {
        }

        public Key(UUID meetingId, UUID applicationId, UUID expertId) {
            this.meetingId = meetingId;
            this.applicationId = applicationId;
            this.expertId = expertId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(meetingId, k.meetingId) && Objects.equals(applicationId, k.applicationId) && Objects.equals(expertId, k.expertId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(meetingId, applicationId, expertId);
        }
    }
}
