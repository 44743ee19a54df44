package cn.zhicheng.spotcheck.integrity.rest;

import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.spotcheck.integrity.service.FraudService;
import cn.zhicheng.spotcheck.mapping.SampleViews;
import cn.zhicheng.spotcheck.mapping.SpotCheckView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** R20, R21: the committee's HR bureau confirms the fraud the office suspected on a sampled application. */
@Path("/api/spotchecks/{drawId}/samples/{applicationId}/fraud-confirmation")
@RolesAllowed(Role.Names.HR_BUREAU)
public class FraudConfirmationResource {

    private final FraudService fraud;
    private final SampleViews views;
    private final CurrentActor actor;

    public FraudConfirmationResource(FraudService fraud, SampleViews views, CurrentActor actor) {
        this.fraud = fraud;
        this.views = views;
        this.actor = actor;
    }

    @POST
    public SpotCheckView.SampleView confirm(@PathParam("drawId") UUID drawId,
            @PathParam("applicationId") UUID applicationId,
            @Valid @NotNull IntegrityRequests.FraudConfirmation request) {
        return views.sample(fraud.confirm(actor.get(), drawId, applicationId, request));
    }
}
