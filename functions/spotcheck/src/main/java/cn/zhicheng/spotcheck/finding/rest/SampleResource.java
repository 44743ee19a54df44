package cn.zhicheng.spotcheck.finding.rest;

import cn.zhicheng.core.idempotency.Idempotency;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.spotcheck.ResponseRequest;
import cn.zhicheng.spotcheck.finding.service.ConclusionService;
import cn.zhicheng.spotcheck.finding.service.QuestionService;
import cn.zhicheng.spotcheck.mapping.SampleViews;
import cn.zhicheng.spotcheck.mapping.SpotCheckView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The office's steps on a sampled application: questions to those who must cooperate, and the conclusion (R18). */
@Path("/api/spotchecks/{drawId}/samples/{applicationId}")
@RolesAllowed(Role.Names.COMMITTEE_OFFICE)
public class SampleResource {

    private final QuestionService questions;
    private final ConclusionService conclusions;
    private final SampleViews views;
    private final Idempotency idempotency;
    private final CurrentActor actor;

    public SampleResource(QuestionService questions, ConclusionService conclusions, SampleViews views,
            Idempotency idempotency, CurrentActor actor) {
        this.questions = questions;
        this.conclusions = conclusions;
        this.views = views;
        this.idempotency = idempotency;
        this.actor = actor;
    }

    @POST
    @Path("/requests")
    public Response ask(@PathParam("drawId") UUID drawId, @PathParam("applicationId") UUID applicationId,
            @HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull FindingRequests.Question request) {
        UUID id = idempotency.once(actor.get(), key, "SPOT_CHECK_ASK",
                () -> questions.ask(actor.get(), drawId, applicationId, request));
        return Response.status(Response.Status.CREATED)
                .entity(views.request(ResponseRequest.findById(id))).build();
    }

    @POST
    @Path("/conclusion")
    public SpotCheckView.SampleView conclude(@PathParam("drawId") UUID drawId,
            @PathParam("applicationId") UUID applicationId, @Valid @NotNull FindingRequests.Conclusion request) {
        return views.sample(conclusions.conclude(actor.get(), drawId, applicationId, request));
    }
}
