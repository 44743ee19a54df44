package cn.zhicheng.review.rest;

import cn.zhicheng.core.application.mapping.ApplicationView;
import cn.zhicheng.core.application.mapping.ApplicationViews;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.review.service.ReviewService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;

/**
 * Work list, HR vetting and committee acceptance. Decisions, publication and filing are made by meetings and
 * rounds for many applications at once, never one application at a time.
 */
@Path("/api/review/applications")
public class ReviewResource {

    private final ReviewService reviews;
    private final ApplicationViews views;
    private final CurrentActor actor;

    public ReviewResource(ReviewService reviews, ApplicationViews views, CurrentActor actor) {
        this.reviews = reviews;
        this.views = views;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE})
    public List<ApplicationView> workList() {
        return views.list(reviews.workList(actor.get()), actor.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE})
    public ApplicationView get(@PathParam("id") UUID id) {
        return views.detail(reviews.get(actor.get(), id), actor.get());
    }

    @POST
    @Path("/{id}/vet")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public ApplicationView vet(@PathParam("id") UUID id, @Valid @NotNull ReviewRequests.Step request) {
        return views.detail(reviews.vet(actor.get(), id, request), actor.get());
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Role.Names.COMMITTEE_OFFICE)
    public ApplicationView accept(@PathParam("id") UUID id, @Valid @NotNull ReviewRequests.Step request) {
        return views.detail(reviews.accept(actor.get(), id, request), actor.get());
    }
}
