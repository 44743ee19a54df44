package cn.zhicheng.review.setup.rest;

import cn.zhicheng.core.idempotency.Idempotency;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.review.setup.mapping.SetupViews;
import cn.zhicheng.review.setup.service.CommitteeService;
import cn.zhicheng.review.setup.service.WindowService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The HR bureau's committees (R8, R12), their office staff and their submission windows (R1). */
@Path("/api/committees")
public class CommitteeResource {

    private final CommitteeService committees;
    private final WindowService windows;
    private final SetupViews views;
    private final Idempotency idempotency;
    private final CurrentActor actor;

    public CommitteeResource(CommitteeService committees, WindowService windows, SetupViews views,
            Idempotency idempotency, CurrentActor actor) {
        this.committees = committees;
        this.windows = windows;
        this.views = views;
        this.idempotency = idempotency;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE})
    public List<SetupViews.CommitteeView> list() {
        return views.committees(committees.list(actor.get()));
    }

    @POST
    @RolesAllowed(Role.Names.HR_BUREAU)
    public Response create(@Valid @NotNull SetupRequests.NewCommittee request,
            @HeaderParam(Idempotency.HEADER) String key) {
        Actor me = actor.get();
        UUID id = idempotency.once(me, key, "COMMITTEE_CREATE", () -> committees.create(me, request).id);
        return Response.created(URI.create("/api/committees/" + id))
                .entity(views.committee(committees.get(me, id))).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE})
    public SetupViews.CommitteeView get(@PathParam("id") UUID id) {
        return views.committee(committees.get(actor.get(), id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public SetupViews.CommitteeView update(@PathParam("id") UUID id,
            @Valid @NotNull SetupRequests.CommitteeChange request) {
        return views.committee(committees.update(actor.get(), id, request));
    }

    @GET
    @Path("/{id}/staff")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public List<SetupViews.StaffView> staff(@PathParam("id") UUID id) {
        return committees.staff(actor.get(), id).stream().map(views::staff).toList();
    }

    @POST
    @Path("/{id}/staff")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public Response addStaff(@PathParam("id") UUID id, @Valid @NotNull SetupRequests.NewStaff request,
            @HeaderParam(Idempotency.HEADER) String key) {
        Actor me = actor.get();
        UUID accountId = idempotency.once(me, key, "STAFF_CREATE", () -> committees.addStaff(me, id, request).id);
        return Response.created(URI.create("/api/committees/" + id + "/staff/" + accountId))
                .entity(views.staff(committees.staffMember(me, id, accountId))).build();
    }

    @GET
    @Path("/{id}/windows")
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE})
    public List<SetupViews.WindowView> windows(@PathParam("id") UUID id) {
        return views.windows(windows.list(actor.get(), id));
    }

    @POST
    @Path("/{id}/windows")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public Response openWindow(@PathParam("id") UUID id, @Valid @NotNull SetupRequests.NewWindow request,
            @HeaderParam(Idempotency.HEADER) String key) {
        Actor me = actor.get();
        UUID windowId = idempotency.once(me, key, "WINDOW_CREATE", () -> windows.create(me, id, request).id);
        return Response.created(URI.create("/api/windows/" + windowId))
                .entity(views.window(windows.get(me, windowId))).build();
    }
}
