package cn.zhicheng.submit.rest;

import cn.zhicheng.core.application.mapping.ApplicationView;
import cn.zhicheng.core.application.mapping.ApplicationViews;
import cn.zhicheng.core.idempotency.Idempotency;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.submit.service.EvidenceService;
import cn.zhicheng.submit.service.UnitReviewService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The employer unit's work list: first review, publicity with its objections and attachments, recommendation. */
@Path("/api/unit/applications")
@RolesAllowed(Role.Names.UNIT_HR)
public class UnitReviewResource {

    private final UnitReviewService reviews;
    private final EvidenceService evidence;
    private final ApplicationViews views;
    private final CurrentActor actor;

    public UnitReviewResource(UnitReviewService reviews, EvidenceService evidence, ApplicationViews views,
            CurrentActor actor) {
        this.reviews = reviews;
        this.evidence = evidence;
        this.views = views;
        this.actor = actor;
    }

    @GET
    public List<ApplicationView> list() {
        return views.list(reviews.list(actor.get()), actor.get());
    }

    /** One application with its objections, attachments and history: the unit's page of it (R6, R7). */
    @GET
    @Path("/{id}")
    public ApplicationView get(@PathParam("id") UUID id) {
        return views.detail(reviews.get(actor.get(), id), actor.get());
    }

    @POST
    @Path("/{id}/review")
    public ApplicationView review(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequests.Step request) {
        return views.detail(reviews.review(actor.get(), id, request), actor.get());
    }

    @POST
    @Path("/{id}/return")
    public ApplicationView returnToApplicant(@PathParam("id") UUID id,
            @Valid @NotNull ApplicationRequests.Reasoned request) {
        return views.detail(reviews.returnToApplicant(actor.get(), id, request), actor.get());
    }

    @POST
    @Path("/{id}/recommend")
    public ApplicationView recommend(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequests.Recommend request) {
        return views.detail(reviews.recommend(actor.get(), id, request), actor.get());
    }

    /** R7: an objection raised in the publicity; an {@code Idempotency-Key} makes a retry return the first. */
    @POST
    @Path("/{id}/objections")
    public Response raiseObjection(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ApplicationRequests.RaiseObjection request) {
        var objection = reviews.raiseOnce(actor.get(), id, idempotencyKey, request);
        return Response.created(URI.create("/api/unit/applications/" + id + "/objections/" + objection.id))
                .entity(ApplicationViews.objection(objection)).build();
    }

    @POST
    @Path("/{id}/objections/{objectionId}/decision")
    public ApplicationView.ObjectionView decideObjection(@PathParam("id") UUID id,
            @PathParam("objectionId") UUID objectionId, @Valid @NotNull ApplicationRequests.DecideObjection request) {
        return ApplicationViews.objection(reviews.decide(actor.get(), id, objectionId, request));
    }

    /** R7: the supervision card, appraisal form or publicity record, uploaded like the applicant's evidence. */
    @POST
    @Path("/{id}/attachments")
    public Response requestAttachment(@PathParam("id") UUID id,
            @Valid @NotNull ApplicationRequests.Attachment request) {
        EvidenceService.Upload upload = evidence.requestAttachment(actor.get(), id, request);
        return Response.status(Response.Status.CREATED)
                .entity(new UploadView(ApplicationViews.evidence(upload.item()), upload.upload())).build();
    }

    @POST
    @Path("/{id}/attachments/{itemId}/complete")
    public ApplicationView.EvidenceView completeAttachment(@PathParam("id") UUID id,
            @PathParam("itemId") UUID itemId) {
        return ApplicationViews.evidence(evidence.completeAttachment(actor.get(), id, itemId));
    }
}
