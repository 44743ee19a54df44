package cn.zhicheng.review.meeting.rest;

import cn.zhicheng.core.idempotency.Idempotency;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.review.meeting.mapping.MeetingView;
import cn.zhicheng.review.meeting.mapping.MeetingViews;
import cn.zhicheng.review.meeting.service.DrawService;
import cn.zhicheng.review.meeting.service.MeetingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Committee meetings: applied for (R11, R17), decided by the HR bureau, drawn (R9, R10), attended and closed (R12). */
@Path("/api/meetings")
public class MeetingResource {

    private final MeetingService meetings;
    private final DrawService draws;
    private final MeetingViews views;
    private final Idempotency idempotency;
    private final CurrentActor actor;

    public MeetingResource(MeetingService meetings, DrawService draws, MeetingViews views, Idempotency idempotency,
            CurrentActor actor) {
        this.meetings = meetings;
        this.draws = draws;
        this.views = views;
        this.idempotency = idempotency;
        this.actor = actor;
    }

    /** The office's or the bureau's meetings, latest first; from and to (meeting dates, inclusive) narrow it. */
    @GET
    @RolesAllowed({Role.Names.COMMITTEE_OFFICE, Role.Names.HR_BUREAU})
    public List<MeetingView> list(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return views.list(meetings.list(actor.get(), from, to), actor.get());
    }

    @POST
    @RolesAllowed(Role.Names.COMMITTEE_OFFICE)
    public Response create(@HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull MeetingRequests.Create request) {
        UUID id = idempotency.once(actor.get(), key, "MEETING_CREATE", () -> meetings.create(actor.get(), request));
        return Response.created(URI.create("/api/meetings/" + id)).entity(view(id)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.COMMITTEE_OFFICE, Role.Names.HR_BUREAU})
    public MeetingView get(@PathParam("id") UUID id) {
        return view(id);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public MeetingView approve(@PathParam("id") UUID id, @Valid @NotNull MeetingRequests.Decision request) {
        return views.view(meetings.approve(actor.get(), id, request), actor.get());
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public MeetingView reject(@PathParam("id") UUID id, @Valid @NotNull MeetingRequests.Decision request) {
        return views.view(meetings.reject(actor.get(), id, request), actor.get());
    }

    @POST
    @Path("/{id}/draw")
    @RolesAllowed(Role.Names.COMMITTEE_OFFICE)
    public MeetingView draw(@PathParam("id") UUID id, @Valid @NotNull MeetingRequests.Step request) {
        return views.view(draws.draw(actor.get(), id, request.version()), actor.get());
    }

    @GET
    @Path("/{id}/draw/verify")
    @RolesAllowed({Role.Names.COMMITTEE_OFFICE, Role.Names.HR_BUREAU, Role.Names.EXPERT})
    public DrawService.Verification verify(@PathParam("id") UUID id) {
        return draws.verify(actor.get(), id);
    }

    @POST
    @Path("/{id}/attendance")
    @RolesAllowed(Role.Names.COMMITTEE_OFFICE)
    public MeetingView attendance(@PathParam("id") UUID id, @Valid @NotNull MeetingRequests.Attendance request) {
        return views.view(meetings.attendance(actor.get(), id, request), actor.get());
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Role.Names.COMMITTEE_OFFICE)
    public MeetingView close(@PathParam("id") UUID id, @Valid @NotNull MeetingRequests.Step request) {
        return views.view(meetings.close(actor.get(), id, request), actor.get());
    }

    private MeetingView view(UUID id) {
        return views.view(meetings.get(actor.get(), id), actor.get());
    }
}
