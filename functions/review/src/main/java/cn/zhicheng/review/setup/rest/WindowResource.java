package cn.zhicheng.review.setup.rest;

import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.review.setup.mapping.SetupViews;
import cn.zhicheng.review.setup.service.WindowService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** R1: one submission window, read and changed by its committee's HR bureau. */
@Path("/api/windows")
public class WindowResource {

    private final WindowService windows;
    private final SetupViews views;
    private final CurrentActor actor;

    public WindowResource(WindowService windows, SetupViews views, CurrentActor actor) {
        this.windows = windows;
        this.views = views;
        this.actor = actor;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE})
    public SetupViews.WindowView get(@PathParam("id") UUID id) {
        return views.window(windows.get(actor.get(), id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public SetupViews.WindowView update(@PathParam("id") UUID id, @Valid @NotNull SetupRequests.WindowChange request) {
        return views.window(windows.update(actor.get(), id, request));
    }
}
