package cn.zhicheng.core.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An expert drawn for a meeting (R10), in draw order, and whether they attended (R12). */
@Entity
@Table(name = "meeting_expert")
@IdClass(MeetingExpertKey.class)
public class MeetingExpert extends PanacheEntityBase {

    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Id
    @Column(name = "expert_id")
    public UUID expertId;

    @Column(name = "draw_rank", nullable = false)
    public int drawRank;

    /** Null until attendance is recorded. */
    public Boolean attended;

    public static List<MeetingExpert> listByMeeting(UUID meetingId) {
        return list("meetingId = ?1 order by drawRank", meetingId);
    }

    public static Optional<MeetingExpert> findFor(UUID meetingId, UUID expertId) {
        return MeetingExpert.<MeetingExpert>findByIdOptional(new MeetingExpertKey(meetingId, expertId));
    }
}
