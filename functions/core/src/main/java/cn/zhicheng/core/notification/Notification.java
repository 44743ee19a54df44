package cn.zhicheng.core.notification;

import cn.zhicheng.core.identity.Role;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A message about a deadline to one account or to a role's scope (a unit or a committee); at most one per deadline,
 * kind and reminder lead, so a re-run of the reminder job adds nothing.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "recipient_account_id")
    public UUID recipientAccountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_role")
    public Role recipientRole;

    @Column(name = "recipient_unit_id")
    public UUID recipientUnitId;

    @Column(name = "recipient_committee_id")
    public UUID recipientCommitteeId;

    @Column(name = "deadline_id", nullable = false)
    public UUID deadlineId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;

    /** The reminder's lead ({@code ReminderLead#code}, e.g. {@code 30D}); empty for other kinds. */
    @Column(name = "reminder_lead", nullable = false)
    public String reminderLead = "";

    @Column(name = "message_zh", nullable = false)
    public String messageZh;

    @Column(name = "message_en", nullable = false)
    public String messageEn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    public static boolean exists(UUID deadlineId, NotificationKind kind) {
        return exists(deadlineId, kind, "");
    }

    public static boolean exists(UUID deadlineId, NotificationKind kind, String reminderLead) {
        return count("deadlineId = ?1 and kind = ?2 and reminderLead = ?3", deadlineId, kind, reminderLead) > 0;
    }
}
