package cn.zhicheng.submit.rest;

import cn.zhicheng.core.application.mapping.ApplicationView;
import cn.zhicheng.core.application.mapping.ApplicationViews;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.submit.service.UnitReviewService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;

/** The employer unit's work list: first review, return, recommendation. */
@Path("/api/unit/applications")
@RolesAllowed(Role.Names.UNIT_HR)
public class UnitReviewResource {

    private final UnitReviewService reviews;
    private final ApplicationViews views;
    private final CurrentActor actor;

    public UnitReviewResource(UnitReviewService reviews, ApplicationViews views, CurrentActor actor) {
        this.reviews = reviews;
        this.views = views;
        this.actor = actor;
    }

    @GET
    public List<ApplicationView> list() {
        return views.list(reviews.list(actor.get()), actor.get());
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
}
