package cn.zhicheng.review.setup.rest;

import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.review.setup.mapping.SetupViews;
import cn.zhicheng.review.setup.service.PoolService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** R9: a committee's expert pool of one year, built by hand or copied from another year. */
@Path("/api/committees/{id}/pools/{year}")
public class PoolResource {

    private final PoolService pools;
    private final SetupViews views;
    private final CurrentActor actor;

    public PoolResource(PoolService pools, SetupViews views, CurrentActor actor) {
        this.pools = pools;
        this.views = views;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE})
    public SetupViews.PoolView pool(@PathParam("id") UUID id, @PathParam("year") @Min(2000) @Max(2100) int year) {
        return views.pool(id, year, pools.pool(actor.get(), id, year));
    }

    @POST
    @Path("/members")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public SetupViews.PoolView add(@PathParam("id") UUID id, @PathParam("year") @Min(2000) @Max(2100) int year,
            @Valid @NotNull SetupRequests.NewPoolMember request) {
        return views.pool(id, year, pools.add(actor.get(), id, year, request));
    }

    @DELETE
    @Path("/members/{expertId}")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public void remove(@PathParam("id") UUID id, @PathParam("year") @Min(2000) @Max(2100) int year,
            @PathParam("expertId") UUID expertId) {
        pools.remove(actor.get(), id, year, expertId);
    }

    @POST
    @Path("/copy-from/{fromYear}")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public SetupViews.PoolView copy(@PathParam("id") UUID id, @PathParam("year") @Min(2000) @Max(2100) int year,
            @PathParam("fromYear") @Min(2000) @Max(2100) int fromYear) {
        return views.pool(id, year, pools.copy(actor.get(), id, year, fromYear));
    }
}
