package cn.zhicheng.certificate.rest;

import cn.zhicheng.certificate.service.CertificateService;
import cn.zhicheng.certificate.service.VerificationService;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Issuing certificates, the holder's list, and the public lookup and verification. */
@Path("/api/certificates")
public class CertificateResource {

    private final CertificateService certificates;
    private final VerificationService verification;
    private final CertificateViews views;
    private final CurrentActor actor;

    public CertificateResource(CertificateService certificates, VerificationService verification,
            CertificateViews views, CurrentActor actor) {
        this.certificates = certificates;
        this.verification = verification;
        this.views = views;
        this.actor = actor;
    }

    /** Which filed application to certify. */
    public record IssueRequest(@NotNull UUID applicationId) {
    }

    /** Typed lookup needs both the number and the holder's name. */
    public record LookupRequest(@NotBlank @Size(max = 40) String number, @NotBlank @Size(max = 100) String name) {
    }

    /** A signed payload to verify, as read from a QR code or pasted. */
    public record VerifyRequest(@NotBlank @Size(max = 8000) String payload) {
    }

    @POST
    @RolesAllowed(Role.Names.HR_BUREAU)
    public Response issue(@Valid @NotNull IssueRequest request) {
        Certificate certificate = certificates.issue(actor.get(), request.applicationId());
        return Response.created(URI.create("/api/certificates/" + certificate.id)).entity(views.full(certificate))
                .build();
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Role.Names.APPLICANT)
    public List<CertificateViews.Full> mine() {
        return certificates.mine(actor.get()).stream().map(views::full).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.APPLICANT, Role.Names.HR_BUREAU})
    public CertificateViews.Full get(@PathParam("id") UUID id) {
        return views.full(certificates.get(actor.get(), id));
    }

    @POST
    @Path("/lookup")
    @PermitAll
    public CertificateViews.Public lookup(@Valid @NotNull LookupRequest request) {
        return views.publicView(verification.lookup(request.number(), request.name()));
    }

    @POST
    @Path("/verify")
    @PermitAll
    public VerificationService.Verification verify(@Valid @NotNull VerifyRequest request) {
        return verification.verify(request.payload());
    }

    @GET
    @Path("/trust-list")
    @PermitAll
    public TrustList trustList() {
        return TrustList.current();
    }

}
