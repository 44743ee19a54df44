package cn.zhicheng.review.deadline;

import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.deadline.DeadlineView;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Each role's upcoming and overdue deadlines with how their dates were reached; the HR bureau waives. */
@Path("/api/deadlines")
public class DeadlineResource {

    private final DeadlineService deadlines;
    private final CurrentActor actor;

    public DeadlineResource(DeadlineService deadlines, CurrentActor actor) {
        this.deadlines = deadlines;
        this.actor = actor;
    }

    /** Why a deadline no longer applies. */
    public record Waiver(@NotBlank @Size(max = 500) String reason) {
    }

    @GET
    @RolesAllowed({Role.Names.APPLICANT, Role.Names.UNIT_HR, Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE,
        Role.Names.SELF_EVAL_UNIT})
    public List<DeadlineView> list() {
        LocalDate today = deadlines.today();
        return deadlines.listFor(actor.get()).stream().map(d -> view(d, today)).toList();
    }

    @POST
    @Path("/{id}/waive")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public DeadlineView waive(@PathParam("id") UUID id, @Valid @NotNull Waiver request) {
        return view(deadlines.waive(actor.get(), id, request.reason()), deadlines.today());
    }

    private DeadlineView view(Deadline d, LocalDate today) {
        return DeadlineView.of(d, deadlines, today);
    }
}
