package cn.zhicheng.certificate.rest;

import cn.zhicheng.certificate.mapping.CertificateViews;
import cn.zhicheng.certificate.service.LookupRateLimiter;
import cn.zhicheng.certificate.service.VerificationService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** What anyone may ask without signing in (R28): the typed lookup, payload verification and the trust list. */
@Path("/api/public/certificates")
@PermitAll
public class PublicCertificateResource {

    /** Verifiers may cache the trust list this long; a rotation reaches them within it. */
    private static final int TRUST_LIST_MAX_AGE = 300;

    private final VerificationService verification;
    private final LookupRateLimiter limiter;
    private final CertificateViews views;

    public PublicCertificateResource(VerificationService verification, LookupRateLimiter limiter,
            CertificateViews views) {
        this.verification = verification;
        this.limiter = limiter;
        this.views = views;
    }

    @POST
    @Path("/lookup")
    public CertificateViews.Public lookup(@Valid @NotNull CertificateRequests.Lookup request,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @Context HttpServerRequest http) {
        limiter.take(client(forwardedFor, http));
        return views.publicView(verification.lookup(request.number(), request.name()));
    }

    @POST
    @Path("/verify")
    public VerificationService.Verification verify(@Valid @NotNull CertificateRequests.Verify request) {
        return verification.verify(request.payload());
    }

    @GET
    @Path("/trust-list")
    public Response trustList() {
        return Response.ok(verification.trustList()).header("Cache-Control", "public, max-age=" + TRUST_LIST_MAX_AGE)
                .build();
    }

    /**
     * The client's address: the first hop of X-Forwarded-For (API Gateway puts the caller there), else the
     * connection's. A client can forge the header, which is why the WAF's rule on the source address is the
     * limit that holds across instances.
     */
    private static String client(String forwardedFor, HttpServerRequest http) {
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            return forwardedFor.split(",", 2)[0].strip();
        }
        return http == null || http.remoteAddress() == null ? "unknown" : http.remoteAddress().host();
    }
}
