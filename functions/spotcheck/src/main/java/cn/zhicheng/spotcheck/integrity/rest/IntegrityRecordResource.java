package cn.zhicheng.spotcheck.integrity.rest;

import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.integrity.IntegrityKind;
import cn.zhicheng.spotcheck.integrity.mapping.IntegrityViews;
import cn.zhicheng.spotcheck.integrity.service.IntegrityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;

/** The integrity record (R20, R21, R31) for staff: search, detail with history, rescission by the HR bureau. */
@Path("/api/integrity-records")
@RolesAllowed({Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE})
public class IntegrityRecordResource {

    private final IntegrityService integrity;
    private final IntegrityViews views;
    private final CurrentActor actor;

    public IntegrityRecordResource(IntegrityService integrity, IntegrityViews views, CurrentActor actor) {
        this.integrity = integrity;
        this.views = views;
        this.actor = actor;
    }

    @GET
    public IntegrityViews.IntegrityPage search(@QueryParam("q") String q, @QueryParam("kind") IntegrityKind kind,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("active") Boolean active, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        IntegrityService.Page found = integrity.search(new IntegrityService.Criteria(q, kind, from, to, active),
                page, size);
        return new IntegrityViews.IntegrityPage(views.records(found.items()), found.total());
    }

    @GET
    @Path("/{id}")
    public IntegrityViews.IntegrityView get(@PathParam("id") UUID id) {
        return views.record(integrity.get(id), integrity.history(id));
    }

    @POST
    @Path("/{id}/rescission")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public IntegrityViews.IntegrityView rescind(@PathParam("id") UUID id,
            @Valid @NotNull IntegrityRequests.Rescission request) {
        return views.record(integrity.rescind(actor.get(), id, request), integrity.history(id));
    }
}
