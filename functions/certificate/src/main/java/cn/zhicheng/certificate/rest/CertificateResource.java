package cn.zhicheng.certificate.rest;

import cn.zhicheng.certificate.mapping.CertificateViews;
import cn.zhicheng.certificate.mapping.ReissueRequestView;
import cn.zhicheng.certificate.service.CertificateService;
import cn.zhicheng.certificate.service.ReissueRequestService;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.ReissueRequest;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Issuing, listing, revoking and reissuing certificates, and holders' reissue requests (R27-R30). */
@Path("/api/certificates")
public class CertificateResource {

    private final CertificateService certificates;
    private final ReissueRequestService requests;
    private final CertificateViews views;
    private final CurrentActor actor;

    public CertificateResource(CertificateService certificates, ReissueRequestService requests,
            CertificateViews views, CurrentActor actor) {
        this.certificates = certificates;
        this.requests = requests;
        this.views = views;
        this.actor = actor;
    }

    /** A round's issuance: what was issued and what was left out, with why. */
    public record BatchView(List<CertificateViews.Full> issued, List<CertificateService.Skipped> skipped) {
    }

    /** A page of the issuer's certificates. */
    public record Page(List<CertificateViews.Full> items, long total, int page, int size) {
    }

    @POST
    @RolesAllowed(Role.Names.HR_BUREAU)
    public Response issue(@Valid @NotNull CertificateRequests.Issue request) {
        return created(certificates.issue(actor.get(), request.applicationId(), request.publicationNumber()));
    }

    @POST
    @Path("/batches")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public BatchView issueRound(@Valid @NotNull CertificateRequests.IssueRound request) {
        CertificateService.Batch batch = certificates.issueRound(actor.get(), request.roundId(),
                request.publicationNumber());
        return new BatchView(batch.issued().stream().map(views::full).toList(), batch.skipped());
    }

    @GET
    @Path("/issued")
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.SELF_EVAL_UNIT})
    public Page issued(@QueryParam("year") @Min(1949) @Max(9999) Integer year,
            @QueryParam("status") CertificateStatus status, @QueryParam("q") @Size(max = 100) String q,
            // bounded so page × size stays a valid row offset
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        CertificateService.Listing listing = certificates.issued(actor.get(), year, status, q, page, size);
        return new Page(listing.items().stream().map(views::full).toList(), listing.total(), listing.page(),
                listing.size());
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Role.Names.APPLICANT)
    public List<CertificateViews.Full> mine() {
        return certificates.mine(actor.get()).stream().map(views::full).toList();
    }

    @GET
    @Path("/reissue-requests")
    @RolesAllowed({Role.Names.APPLICANT, Role.Names.HR_BUREAU, Role.Names.SELF_EVAL_UNIT})
    public List<ReissueRequestView> reissueRequests(@QueryParam("state") ReissueRequest.State state) {
        return requests.list(actor.get(), state).stream().map(ReissueRequestView::of).toList();
    }

    @POST
    @Path("/reissue-requests/{id}/refuse")
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.SELF_EVAL_UNIT})
    public ReissueRequestView refuse(@PathParam("id") UUID id, @Valid @NotNull CertificateRequests.Refuse request) {
        return ReissueRequestView.of(requests.refuse(actor.get(), id, request.note(), request.version()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.APPLICANT, Role.Names.HR_BUREAU, Role.Names.SELF_EVAL_UNIT})
    public CertificateViews.Full get(@PathParam("id") UUID id) {
        return views.full(certificates.get(actor.get(), id));
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.SELF_EVAL_UNIT})
    public CertificateViews.Full revoke(@PathParam("id") UUID id, @Valid @NotNull CertificateRequests.Revoke request) {
        return views.full(certificates.revoke(actor.get(), id, request.reason(), request.version()));
    }

    @POST
    @Path("/{id}/reissue")
    @RolesAllowed({Role.Names.HR_BUREAU, Role.Names.SELF_EVAL_UNIT})
    public Response reissue(@PathParam("id") UUID id, @Valid @NotNull CertificateRequests.Reissue request) {
        return created(certificates.reissue(actor.get(), id, new CertificateService.Reissue(request.reason(),
                request.note(), request.requestId(), request.version())));
    }

    @POST
    @Path("/{id}/reissue-requests")
    @RolesAllowed(Role.Names.APPLICANT)
    public Response requestReissue(@PathParam("id") UUID id,
            @Valid @NotNull CertificateRequests.RequestReissue request) {
        ReissueRequest created = requests.create(actor.get(), id, request.reason(), request.note());
        return Response.created(URI.create("/api/certificates/reissue-requests/" + created.id))
                .entity(ReissueRequestView.of(created)).build();
    }

    private Response created(Certificate certificate) {
        return Response.created(URI.create("/api/certificates/" + certificate.id)).entity(views.full(certificate))
                .build();
    }
}
