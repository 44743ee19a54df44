package cn.zhicheng.spotcheck.draw.rest;

import cn.zhicheng.core.idempotency.Idempotency;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.spotcheck.mapping.SpotCheckView;
import cn.zhicheng.spotcheck.draw.mapping.SpotCheckViews;
import cn.zhicheng.spotcheck.draw.service.CommitmentService;
import cn.zhicheng.spotcheck.draw.service.DrawService;
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
import java.util.List;
import java.util.UUID;

/** R18, R19: the office's spot-check draws: population, commitment, draw (reveal), and the draws' views. */
@Path("/api/spotchecks")
public class SpotCheckResource {

    private final CommitmentService commitments;
    private final DrawService draws;
    private final SpotCheckViews views;
    private final Idempotency idempotency;
    private final CurrentActor actor;

    public SpotCheckResource(CommitmentService commitments, DrawService draws, SpotCheckViews views,
            Idempotency idempotency, CurrentActor actor) {
        this.commitments = commitments;
        this.draws = draws;
        this.views = views;
        this.idempotency = idempotency;
        this.actor = actor;
    }

    @GET
    @Path("/population")
    @RolesAllowed({Role.Names.COMMITTEE_OFFICE, Role.Names.HR_BUREAU})
    public CommitmentService.Population population(@QueryParam("roundId") UUID roundId,
            @QueryParam("seriesId") UUID seriesId) {
        return commitments.population(actor.get(), roundId, seriesId);
    }

    @GET
    @Path("/series")
    @RolesAllowed({Role.Names.COMMITTEE_OFFICE, Role.Names.HR_BUREAU})
    public List<CommitmentService.SeriesPopulation> series(@QueryParam("roundId") UUID roundId) {
        return commitments.series(actor.get(), roundId);
    }

    /** The draws of the actor's committees, latest first; without their samples. */
    @GET
    @RolesAllowed({Role.Names.COMMITTEE_OFFICE, Role.Names.HR_BUREAU})
    public List<SpotCheckView> list(@QueryParam("roundId") UUID roundId) {
        return views.list(commitments.list(actor.get(), roundId));
    }

    @POST
    @RolesAllowed(Role.Names.COMMITTEE_OFFICE)
    public Response commit(@HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull SpotCheckRequests.Commit request) {
        UUID id = idempotency.once(actor.get(), key, "SPOT_CHECK_COMMIT",
                () -> commitments.commit(actor.get(), request));
        return Response.created(URI.create("/api/spotchecks/" + id)).entity(views.view(id)).build();
    }

    @POST
    @Path("/{id}/draw")
    @RolesAllowed(Role.Names.COMMITTEE_OFFICE)
    public SpotCheckView draw(@PathParam("id") UUID id, @Valid @NotNull SpotCheckRequests.Reveal request) {
        draws.draw(actor.get(), id, request.seed(), request.version());
        return views.view(id);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.COMMITTEE_OFFICE, Role.Names.HR_BUREAU})
    public SpotCheckView get(@PathParam("id") UUID id) {
        commitments.get(actor.get(), id);
        return views.view(id);
    }
}
