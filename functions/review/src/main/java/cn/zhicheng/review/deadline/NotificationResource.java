package cn.zhicheng.review.deadline;

import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.notification.Notification;
import cn.zhicheng.core.notification.NotificationKind;
import cn.zhicheng.core.notification.NotificationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The signed-in person's deadline reminders and overdue notices. */
@Path("/api/notifications")
@RolesAllowed({Role.Names.APPLICANT, Role.Names.UNIT_HR, Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE,
        Role.Names.EXPERT, Role.Names.SELF_EVAL_UNIT})
public class NotificationResource {

    private final NotificationService notifications;
    private final CurrentActor actor;

    public NotificationResource(NotificationService notifications, CurrentActor actor) {
        this.notifications = notifications;
        this.actor = actor;
    }

    /** One notification, its message in Chinese and English. */
    public record NotificationView(UUID id, UUID deadlineId, NotificationKind kind, Map<String, String> message,
            Instant createdAt, Instant readAt) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id, n.deadlineId, n.kind, Map.of("zh", n.messageZh, "en", n.messageEn),
                    n.createdAt, n.readAt);
        }
    }

    @GET
    public List<NotificationView> list() {
        return notifications.listFor(actor.get()).stream().map(NotificationView::of).toList();
    }

    @POST
    @Path("/{id}/read")
    public NotificationView read(@PathParam("id") UUID id) {
        return NotificationView.of(notifications.markRead(actor.get(), id));
    }
}
