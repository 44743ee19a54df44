package cn.zhicheng.spotcheck.finding.rest;

import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.spotcheck.finding.service.QuestionService;
import cn.zhicheng.spotcheck.mapping.SampleViews;
import cn.zhicheng.spotcheck.mapping.SpotCheckView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;

/** R18: spot-check questions addressed to the applicant, the unit or the department, and their answers. */
@Path("/api/spotcheck-requests")
@RolesAllowed({Role.Names.APPLICANT, Role.Names.UNIT_HR, Role.Names.HR_BUREAU})
public class SpotCheckRequestResource {

    private final QuestionService questions;
    private final SampleViews views;
    private final CurrentActor actor;

    public SpotCheckRequestResource(QuestionService questions, SampleViews views, CurrentActor actor) {
        this.questions = questions;
        this.views = views;
        this.actor = actor;
    }

    @GET
    public List<SpotCheckView.RequestView> addressedToMe() {
        return views.requests(questions.addressedTo(actor.get()));
    }

    @POST
    @Path("/{id}/answer")
    public SpotCheckView.RequestView answer(@PathParam("id") UUID id, @Valid @NotNull FindingRequests.Answer request) {
        return views.request(questions.answer(actor.get(), id, request));
    }
}
