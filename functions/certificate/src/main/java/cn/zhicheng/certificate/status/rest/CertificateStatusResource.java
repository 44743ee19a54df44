package cn.zhicheng.certificate.status.rest;

import cn.zhicheng.certificate.status.mapping.CertificateStatusView;
import cn.zhicheng.certificate.status.service.CertificateStatusService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** The public status check the verify page calls after a scan; by number only, so it reveals no holder. */
@Path("/api/public/certificates/{number}/status")
public class CertificateStatusResource {

    // A minute is short next to how often a status changes, and lets a CDN absorb a results notice's scan surge.
    static final String CACHE_CONTROL = "public, max-age=60";

    private final CertificateStatusService statuses;

    public CertificateStatusResource(CertificateStatusService statuses) {
        this.statuses = statuses;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<CertificateStatusView> status(@PathParam("number") String number) {
        return RestResponse.ResponseBuilder.ok(statuses.statusOf(number))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }
}
