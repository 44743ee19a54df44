package cn.zhicheng.core.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** R10: a pool member the draw considered, and why they were recused if they were; the draw's recorded inputs. */
@Entity
@Table(name = "draw_candidate")
@IdClass(MeetingExpertKey.class)
public class DrawCandidate extends PanacheEntityBase {

    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Id
    @Column(name = "expert_id")
    public UUID expertId;

    @Column(name = "recused_reason")
    public String recusedReason;

    public static List<DrawCandidate> listByMeeting(UUID meetingId) {
        return list("meetingId = ?1 order by expertId", meetingId);
    }
}
