package cn.zhicheng.spotcheck.finding.rest;

import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.spotcheck.finding.mapping.FindingViews;
import cn.zhicheng.spotcheck.finding.service.InspectionService;
import cn.zhicheng.spotcheck.mapping.SampleViews;
import cn.zhicheng.spotcheck.mapping.SpotCheckView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** The inspector's assignments and findings (R18, R19). */
@Path("/api/inspector/spotchecks")
@RolesAllowed(Role.Names.EXPERT)
public class InspectorResource {

    private final InspectionService inspections;
    private final FindingViews views;
    private final SampleViews samples;
    private final CurrentActor actor;

    public InspectorResource(InspectionService inspections, FindingViews views, SampleViews samples,
            CurrentActor actor) {
        this.inspections = inspections;
        this.views = views;
        this.samples = samples;
        this.actor = actor;
    }

    @GET
    public List<FindingViews.AssignmentView> assignments() {
        return inspections.assignments(actor.get()).stream().map(views::assignment).toList();
    }

    @GET
    @Path("/{drawId}/applications/{applicationId}")
    public FindingViews.AssignmentDetail assignment(@PathParam("drawId") UUID drawId,
            @PathParam("applicationId") UUID applicationId) {
        return views.detail(inspections.assignment(actor.get(), drawId, applicationId));
    }

    @PUT
    @Path("/{drawId}/applications/{applicationId}/findings/{itemId}")
    public SpotCheckView.FindingView record(@PathParam("drawId") UUID drawId,
            @PathParam("applicationId") UUID applicationId, @PathParam("itemId") UUID itemId,
            @Valid @NotNull FindingRequests.Finding request) {
        return samples.finding(inspections.record(actor.get(), drawId, applicationId, itemId, request));
    }

    @POST
    @Path("/{drawId}/applications/{applicationId}/findings/{itemId}/attachments")
    public Response attach(@PathParam("drawId") UUID drawId, @PathParam("applicationId") UUID applicationId,
            @PathParam("itemId") UUID itemId, @Valid @NotNull FindingRequests.Attachment request) {
        InspectionService.Upload upload = inspections.requestAttachment(actor.get(), drawId, applicationId, itemId,
                request);
        return Response.status(Response.Status.CREATED)
                .entity(new FindingViews.AttachmentUpload(upload.attachment().id, upload.upload())).build();
    }

    @POST
    @Path("/{drawId}/applications/{applicationId}/findings/{itemId}/attachments/{attachmentId}/complete")
    public SpotCheckView.AttachmentView complete(@PathParam("drawId") UUID drawId,
            @PathParam("applicationId") UUID applicationId, @PathParam("itemId") UUID itemId,
            @PathParam("attachmentId") UUID attachmentId) {
        return SampleViews.attachment(inspections.completeAttachment(actor.get(), drawId, applicationId, itemId,
                attachmentId));
    }
}
