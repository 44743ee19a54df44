package cn.zhicheng.catalogue.seal.rest;

import cn.zhicheng.catalogue.seal.mapping.SealRegistrationView;
import cn.zhicheng.catalogue.seal.service.SealRegistrationService;
import cn.zhicheng.core.catalogue.SealRegistrationState;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** R24: a self-evaluating unit's title e-seal registration (附件3) and its city HR bureau's decision. */
@Path("/api/seal-registrations")
public class SealRegistrationResource {

    private final SealRegistrationService registrations;
    private final CurrentActor actor;

    public SealRegistrationResource(SealRegistrationService registrations, CurrentActor actor) {
        this.registrations = registrations;
        this.actor = actor;
    }

    /** One page of registrations. */
    public record Page(List<SealRegistrationView> items, long total) {
    }

    @POST
    @RolesAllowed(Role.Names.SELF_EVAL_UNIT)
    public Response submit(@Valid @NotNull SealRegistrationRequests.Application request) {
        return Response.status(Response.Status.CREATED)
                .entity(SealRegistrationView.of(registrations.submit(actor.get(), request))).build();
    }

    @GET
    @RolesAllowed({Role.Names.SELF_EVAL_UNIT, Role.Names.HR_BUREAU})
    public Page list(@QueryParam("state") SealRegistrationState state,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        SealRegistrationService.Listing listing = registrations.list(actor.get(), state, page, size);
        return new Page(listing.items().stream().map(SealRegistrationView::of).toList(), listing.total());
    }

    @GET
    @Path("/current")
    @RolesAllowed(Role.Names.SELF_EVAL_UNIT)
    public SealRegistrationView current() {
        return SealRegistrationView.of(registrations.current(actor.get()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.SELF_EVAL_UNIT, Role.Names.HR_BUREAU})
    public SealRegistrationView get(@PathParam("id") UUID id) {
        return SealRegistrationView.of(registrations.get(actor.get(), id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.Names.SELF_EVAL_UNIT)
    public SealRegistrationView correct(@PathParam("id") UUID id,
            @Valid @NotNull SealRegistrationRequests.Application request) {
        return SealRegistrationView.of(registrations.correct(actor.get(), id, request));
    }

    /** The raw image is the body; any declared type reaches the service, which sniffs the bytes. */
    @PUT
    @Path("/{id}/image")
    @Consumes("*/*")
    @RolesAllowed(Role.Names.SELF_EVAL_UNIT)
    public SealRegistrationView uploadImage(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return SealRegistrationView.of(registrations.uploadImage(actor.get(), id, contentType, body));
    }

    @GET
    @Path("/{id}/image")
    @RolesAllowed({Role.Names.SELF_EVAL_UNIT, Role.Names.HR_BUREAU})
    public Response image(@PathParam("id") UUID id) {
        SealRegistrationService.Image image = registrations.image(actor.get(), id);
        return Response.ok(image.bytes(), image.contentType()).header("Cache-Control", "private, no-store").build();
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public SealRegistrationView approve(@PathParam("id") UUID id,
            @Valid @NotNull SealRegistrationRequests.Approval request) {
        return SealRegistrationView.of(registrations.approve(actor.get(), id, request));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public SealRegistrationView returnToUnit(@PathParam("id") UUID id,
            @Valid @NotNull SealRegistrationRequests.Return request) {
        return SealRegistrationView.of(registrations.returnToUnit(actor.get(), id, request));
    }
}
