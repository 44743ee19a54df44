package cn.zhicheng.review.round.rest;

import cn.zhicheng.core.application.Objection;
import cn.zhicheng.review.round.mapping.NoticeView;
import cn.zhicheng.review.round.mapping.RoundViews;
import cn.zhicheng.review.round.service.PublicNoticeService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** R15: the result notices anyone may read, and the objections anyone may raise while one runs. No sign-in. */
@Path("/api/public/notices")
public class PublicNoticeResource {

    private final PublicNoticeService notices;
    private final RoundViews views;

    public PublicNoticeResource(PublicNoticeService notices, RoundViews views) {
        this.notices = notices;
        this.views = views;
    }

    /** What the raiser gets back: the objection's id, and by when the HR bureau must answer. */
    public record Raised(UUID id, UUID applicationId, Instant raisedAt, LocalDate answerDueOn) {
    }

    @GET
    @PermitAll
    public List<NoticeView> list() {
        return notices.notices().stream().map(views::notice).toList();
    }

    @POST
    @Path("/{roundId}/objections")
    @PermitAll
    public Response raise(@PathParam("roundId") UUID roundId, @Valid @NotNull RoundRequests.PublicObjection request) {
        Objection objection = notices.raise(roundId, request.applicationId(), request.raisedBy(), request.contact(),
                request.content());
        // 201 without a Location: the public has no route to read an objection back, only its receipt
        Raised receipt = new Raised(objection.id, objection.applicationId, objection.raisedAt,
                views.answerDueOn(objection.id));
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }
}
