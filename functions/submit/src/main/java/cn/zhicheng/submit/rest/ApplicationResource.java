package cn.zhicheng.submit.rest;

import cn.zhicheng.core.application.mapping.ApplicationView;
import cn.zhicheng.core.application.mapping.ApplicationViews;
import cn.zhicheng.core.idempotency.Idempotency;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.storage.PresignedRequest;
import cn.zhicheng.submit.service.ApplicationService;
import cn.zhicheng.submit.service.EvidenceService;
import cn.zhicheng.submit.service.PhotoService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The applicant's applications and their evidence. */
@Path("/api/applications")
@RolesAllowed(Role.Names.APPLICANT)
public class ApplicationResource {

    private final ApplicationService applications;
    private final EvidenceService evidence;
    private final PhotoService photos;
    private final ApplicationViews views;
    private final CurrentActor actor;

    public ApplicationResource(ApplicationService applications, EvidenceService evidence, PhotoService photos,
            ApplicationViews views, CurrentActor actor) {
        this.applications = applications;
        this.evidence = evidence;
        this.photos = photos;
        this.views = views;
        this.actor = actor;
    }

    /** R2-R4: a draft; an {@code Idempotency-Key} makes a repeated request return the first draft. */
    @POST
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ApplicationRequests.Create request) {
        var application = applications.createOnce(actor.get(), idempotencyKey, request);
        return Response.created(URI.create("/api/applications/" + application.id))
                .entity(views.detail(application, actor.get())).build();
    }

    @GET
    public List<ApplicationView> mine() {
        return views.list(applications.mine(actor.get()), actor.get());
    }

    @GET
    @Path("/{id}")
    public ApplicationView get(@PathParam("id") UUID id) {
        return views.detail(applications.get(actor.get(), id), actor.get());
    }

    @POST
    @Path("/{id}/submit")
    public ApplicationView submit(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequests.Submit request) {
        return views.detail(applications.submit(actor.get(), id, request), actor.get());
    }

    @POST
    @Path("/{id}/withdraw")
    public ApplicationView withdraw(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequests.Reasoned request) {
        return views.detail(applications.withdraw(actor.get(), id, request), actor.get());
    }

    @POST
    @Path("/{id}/evidence")
    public Response requestUpload(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequests.Evidence request) {
        EvidenceService.Upload upload = evidence.requestUpload(actor.get(), id, request);
        return Response.status(Response.Status.CREATED)
                .entity(new UploadView(ApplicationViews.evidence(upload.item()), upload.upload())).build();
    }

    @POST
    @Path("/{id}/evidence/{itemId}/complete")
    public ApplicationView.EvidenceView complete(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        return ApplicationViews.evidence(evidence.complete(actor.get(), id, itemId));
    }

    @DELETE
    @Path("/{id}/evidence/{itemId}")
    public Response remove(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        evidence.remove(actor.get(), id, itemId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/evidence/{itemId}/download")
    @RolesAllowed({Role.Names.APPLICANT, Role.Names.UNIT_HR, Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE})
    public PresignedRequest download(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        return evidence.download(actor.get(), id, itemId);
    }

    /** Where to PUT the certificate photo's bytes (R27). */
    public record PhotoUpload(PresignedRequest upload) {
    }

    @POST
    @Path("/{id}/photo")
    public PhotoUpload requestPhotoUpload(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequests.Photo request) {
        return new PhotoUpload(photos.requestUpload(actor.get(), id, request));
    }

    @POST
    @Path("/{id}/photo/complete")
    public ApplicationView completePhoto(@PathParam("id") UUID id) {
        return views.detail(photos.complete(actor.get(), id), actor.get());
    }

    @GET
    @Path("/{id}/photo/download")
    @RolesAllowed({Role.Names.APPLICANT, Role.Names.UNIT_HR, Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE})
    public PresignedRequest downloadPhoto(@PathParam("id") UUID id) {
        return photos.download(actor.get(), id);
    }
}
