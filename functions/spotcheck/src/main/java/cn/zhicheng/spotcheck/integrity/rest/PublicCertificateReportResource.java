package cn.zhicheng.spotcheck.integrity.rest;

import cn.zhicheng.core.integrity.CertificateReport;
import cn.zhicheng.spotcheck.integrity.mapping.IntegrityViews;
import cn.zhicheng.spotcheck.integrity.service.CertificateReportService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** R31: anyone who verified a certificate may report it as forged, altered or misused. No sign-in. */
@Path("/api/public/certificate-reports")
public class PublicCertificateReportResource {

    private final CertificateReportService reports;

    public PublicCertificateReportResource(CertificateReportService reports) {
        this.reports = reports;
    }

    @POST
    @PermitAll
    public Response report(@Valid @NotNull IntegrityRequests.Report request) {
        CertificateReport report = reports.report(request);
        // 201 without a Location: the reporter has no route to read the report back, only its reference
        return Response.status(Response.Status.CREATED)
                .entity(new IntegrityViews.ReportReceipt(report.reference, report.createdAt)).build();
    }
}
