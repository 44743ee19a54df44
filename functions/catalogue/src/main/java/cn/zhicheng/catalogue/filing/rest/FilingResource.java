package cn.zhicheng.catalogue.filing.rest;

import cn.zhicheng.catalogue.filing.mapping.FilingView;
import cn.zhicheng.catalogue.filing.service.FilingService;
import cn.zhicheng.core.catalogue.FilingState;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** R22: a self-evaluating unit's series filings and its city HR bureau's decisions on them. */
@Path("/api/filings")
@RolesAllowed({Role.Names.SELF_EVAL_UNIT, Role.Names.HR_BUREAU})
public class FilingResource {

    private final FilingService filings;
    private final CurrentActor actor;

    public FilingResource(FilingService filings, CurrentActor actor) {
        this.filings = filings;
        this.actor = actor;
    }

    @POST
    @RolesAllowed(Role.Names.SELF_EVAL_UNIT)
    public Response submit(@Valid @NotNull FilingRequests.Filing request) {
        return Response.status(Response.Status.CREATED).entity(filings.submit(actor.get(), request)).build();
    }

    @GET
    public FilingService.Page list(@QueryParam("state") FilingState state,
            // long and bounded, so a huge number is a validation failure and page × size a valid row offset
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) long page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) long size) {
        return filings.list(actor.get(), state, (int) page, (int) size);
    }

    @GET
    @Path("/{id}")
    public FilingView get(@PathParam("id") UUID id) {
        return filings.get(actor.get(), id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.Names.SELF_EVAL_UNIT)
    public FilingView correct(@PathParam("id") UUID id, @Valid @NotNull FilingRequests.Filing request) {
        return filings.correct(actor.get(), id, request);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public FilingView approve(@PathParam("id") UUID id, @Valid @NotNull FilingRequests.Approval request) {
        return filings.approve(actor.get(), id, request.version(), request.note());
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public FilingView returnToUnit(@PathParam("id") UUID id, @Valid @NotNull FilingRequests.Decision request) {
        return filings.returnToUnit(actor.get(), id, request.version(), request.reason());
    }

    @POST
    @Path("/{id}/cancel")
    public FilingView cancel(@PathParam("id") UUID id, @Valid @NotNull FilingRequests.Decision request) {
        return filings.cancel(actor.get(), id, request.version(), request.reason());
    }
}
