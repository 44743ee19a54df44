package cn.zhicheng.review.setup.rest;

import cn.zhicheng.core.idempotency.Idempotency;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.review.setup.mapping.SetupViews;
import cn.zhicheng.review.setup.service.ExpertService;
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

/** R9: the experts committees' pools are made of; the HR bureau keeps the list. */
@Path("/api/experts")
@RolesAllowed(Role.Names.HR_BUREAU)
public class ExpertResource {

    private final ExpertService experts;
    private final SetupViews views;
    private final Idempotency idempotency;
    private final CurrentActor actor;

    public ExpertResource(ExpertService experts, SetupViews views, Idempotency idempotency, CurrentActor actor) {
        this.experts = experts;
        this.views = views;
        this.idempotency = idempotency;
        this.actor = actor;
    }

    @GET
    public List<SetupViews.ExpertView> list() {
        return views.experts(experts.list());
    }

    @POST
    public Response create(@Valid @NotNull SetupRequests.NewExpert request,
            @HeaderParam(Idempotency.HEADER) String key) {
        Actor me = actor.get();
        UUID id = idempotency.once(me, key, "EXPERT_CREATE", () -> experts.create(me, request).id);
        return Response.created(URI.create("/api/experts/" + id)).entity(views.expert(experts.get(id))).build();
    }
}
