package cn.zhicheng.core.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An application on a meeting's agenda, and its tally once the meeting closes (R12). */
@Entity
@Table(name = "meeting_application")
@IdClass(MeetingApplication.Key.class)
public class MeetingApplication extends PanacheEntityBase {

    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "yes_votes")
    public Integer yesVotes;

    @Column(name = "no_votes")
    public Integer noVotes;

    public Integer abstentions;

    /** PASS or FAIL once tallied. */
    public String outcome;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID meetingId;
        public UUID applicationId;

        public Key() {
        }

        public Key(UUID meetingId, UUID applicationId) {
            this.meetingId = meetingId;
            this.applicationId = applicationId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(meetingId, k.meetingId) && Objects.equals(applicationId, k.applicationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(meetingId, applicationId);
        }
    }

    public static List<MeetingApplication> agenda(UUID meetingId) {
        return list("meetingId = ?1 order by applicationId", meetingId);
    }

    public static Optional<MeetingApplication> findFor(UUID meetingId, UUID applicationId) {
        return MeetingApplication.<MeetingApplication>findByIdOptional(new Key(meetingId, applicationId));
    }
}
