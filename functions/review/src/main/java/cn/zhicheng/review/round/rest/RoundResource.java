package cn.zhicheng.review.round.rest;

import cn.zhicheng.core.export.XlsxWriter;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.review.round.mapping.RoundView;
import cn.zhicheng.review.round.mapping.RoundViews;
import cn.zhicheng.review.round.mapping.StatisticsTable;
import cn.zhicheng.review.round.service.RoundService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** A committee's review round after its meetings: pass list, approval, notice, objections, filing (R13-R17). */
@Path("/api/rounds")
public class RoundResource {

    private final RoundService rounds;
    private final RoundViews views;
    private final StatisticsTable statistics;
    private final CurrentActor actor;

    public RoundResource(RoundService rounds, RoundViews views, StatisticsTable statistics, CurrentActor actor) {
        this.rounds = rounds;
        this.views = views;
        this.statistics = statistics;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE})
    public List<RoundView> list() {
        return views.list(rounds.list(actor.get()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE})
    public RoundView get(@PathParam("id") UUID id) {
        return views.of(rounds.get(actor.get(), id));
    }

    @POST
    @Path("/{id}/pass-list")
    @RolesAllowed(Role.Names.COMMITTEE_OFFICE)
    public RoundView submitPassList(@PathParam("id") UUID id, @Valid @NotNull RoundRequests.Step request) {
        return views.of(rounds.submitPassList(actor.get(), id, request.version()));
    }

    @POST
    @Path("/{id}/senior-override")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public RoundView overrideSeniorCap(@PathParam("id") UUID id,
            @Valid @NotNull RoundRequests.SeniorOverride request) {
        return views.of(rounds.overrideSeniorCap(actor.get(), id, request.reason(), request.version()));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public RoundView approve(@PathParam("id") UUID id, @Valid @NotNull RoundRequests.Step request) {
        return views.of(rounds.approve(actor.get(), id, request.version()));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public RoundView returnPassList(@PathParam("id") UUID id, @Valid @NotNull RoundRequests.Return request) {
        return views.of(rounds.returnPassList(actor.get(), id, request.reason(), request.version()));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public RoundView publish(@PathParam("id") UUID id, @Valid @NotNull RoundRequests.Publish request) {
        return views.of(rounds.publish(actor.get(), id, request.noticeEndsOn(), request.version()));
    }

    @POST
    @Path("/{id}/objections/{objectionId}/decision")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public RoundView decideObjection(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId,
            @Valid @NotNull RoundRequests.ObjectionDecision request) {
        rounds.decideObjection(actor.get(), id, objectionId, request.decision(), request.explanation(),
                request.version());
        return views.of(rounds.get(actor.get(), id));
    }

    @POST
    @Path("/{id}/file")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public RoundView file(@PathParam("id") UUID id, @Valid @NotNull RoundRequests.Step request) {
        return views.of(rounds.file(actor.get(), id, request.version()));
    }

    @POST
    @Path("/{id}/summary")
    @RolesAllowed(Role.Names.COMMITTEE_OFFICE)
    public RoundView summarise(@PathParam("id") UUID id, @Valid @NotNull RoundRequests.Summary request) {
        return views.of(rounds.summarise(actor.get(), id, request.content(), request.version()));
    }

    /** R16: the statistics table of the approval filing (003 附件4) as an Excel workbook. */
    @GET
    @Path("/{id}/statistics.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE})
    public Response statistics(@PathParam("id") UUID id) {
        Actor current = actor.get();
        ReviewRound round = rounds.get(current, id);
        String name = StatisticsTable.fileName(round);
        // RFC 6266: an ASCII fallback for old clients, the Chinese name in filename* for the rest
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(statistics.xlsx(round, current.name()), XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"round-" + round.year + "-statistics.xlsx\"; "
                        + "filename*=UTF-8''" + encoded)
                .build();
    }
}
