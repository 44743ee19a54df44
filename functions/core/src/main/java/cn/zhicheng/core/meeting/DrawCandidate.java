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
import java.util.UUID;

/** R10: a pool member the draw considered, and why they were recused if they were; the draw's recorded inputs. */
@Entity
@Table(name = "draw_candidate")
@IdClass(DrawCandidate.Key.class)
public class DrawCandidate extends PanacheEntityBase {

    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Id
    @Column(name = "expert_id")
    public UUID expertId;

    @Column(name = "recused_reason")
    public String recusedReason;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID meetingId;
        public UUID expertId;

        public Key() {
        }

        public Key(UUID meetingId, UUID expertId) {
            this.meetingId = meetingId;
            this.expertId = expertId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(meetingId, k.meetingId) && Objects.equals(expertId, k.expertId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(meetingId, expertId);
        }
    }

    public static List<DrawCandidate> listByMeeting(UUID meetingId) {
        return list("meetingId = ?1 order by expertId", meetingId);
    }
}
