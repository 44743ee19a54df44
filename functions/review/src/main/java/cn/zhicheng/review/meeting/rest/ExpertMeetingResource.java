package cn.zhicheng.review.meeting.rest;

import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.meeting.Vote;
import cn.zhicheng.review.meeting.mapping.ExpertMeetingView;
import cn.zhicheng.review.meeting.mapping.MeetingViews;
import cn.zhicheng.review.meeting.service.VotingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A drawn expert's meetings and their secret votes (R12). */
@Path("/api/expert/meetings")
@RolesAllowed(Role.Names.EXPERT)
public class ExpertMeetingResource {

    private final VotingService voting;
    private final MeetingViews views;
    private final CurrentActor actor;

    public ExpertMeetingResource(VotingService voting, MeetingViews views, CurrentActor actor) {
        this.voting = voting;
        this.views = views;
        this.actor = actor;
    }

    /** The expert's own vote as stored. */
    public record MyVote(UUID meetingId, UUID applicationId, Vote.Choice choice, Instant castAt) {
    }

    /** The meetings the expert was drawn for, latest first; from and to (meeting dates, inclusive) narrow it. */
    @GET
    public List<ExpertMeetingView> list(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return voting.list(actor.get(), from, to).stream().map(views::expertView).toList();
    }

    @GET
    @Path("/{id}")
    public ExpertMeetingView get(@PathParam("id") UUID id) {
        return views.expertView(voting.get(actor.get(), id));
    }

    @PUT
    @Path("/{id}/votes/{applicationId}")
    public MyVote vote(@PathParam("id") UUID id, @PathParam("applicationId") UUID applicationId,
            @Valid @NotNull MeetingRequests.Ballot ballot) {
        Vote vote = voting.vote(actor.get(), id, applicationId, ballot.choice());
        return new MyVote(vote.meetingId, vote.applicationId, vote.choice, vote.castAt);
    }
}
