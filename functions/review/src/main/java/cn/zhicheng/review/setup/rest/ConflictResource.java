package cn.zhicheng.review.setup.rest;

import cn.zhicheng.core.idempotency.Idempotency;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.review.setup.mapping.SetupViews;
import cn.zhicheng.review.setup.service.ConflictService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** R10: the signed-in expert's declared conflicts of interest, which recuse them from draws. */
@Path("/api/expert/conflicts")
@RolesAllowed(Role.Names.EXPERT)
public class ConflictResource {

    private final ConflictService conflicts;
    private final SetupViews views;
    private final Idempotency idempotency;
    private final CurrentActor actor;

    public ConflictResource(ConflictService conflicts, SetupViews views, Idempotency idempotency,
            CurrentActor actor) {
        this.conflicts = conflicts;
        this.views = views;
        this.idempotency = idempotency;
        this.actor = actor;
    }

    @GET
    public List<SetupViews.ConflictView> mine() {
        return views.conflicts(conflicts.mine(actor.get()));
    }

    @POST
    public Response declare(@Valid @NotNull SetupRequests.NewConflict request,
            @HeaderParam(Idempotency.HEADER) String key) {
        Actor me = actor.get();
        UUID id = idempotency.once(me, key, "CONFLICT_DECLARE", () -> conflicts.declare(me, request).id);
        return Response.created(URI.create("/api/expert/conflicts/" + id))
                .entity(views.conflict(conflicts.get(me, id))).build();
    }
}
