package cn.zhicheng.spotcheck.integrity.rest;

import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.integrity.ReportState;
import cn.zhicheng.spotcheck.integrity.mapping.IntegrityViews;
import cn.zhicheng.spotcheck.integrity.service.CertificateReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;

/** R31: the HR bureau reads and decides reports of forged, altered or misused certificates. */
@Path("/api/certificate-reports")
@RolesAllowed(Role.Names.HR_BUREAU)
public class CertificateReportResource {

    private final CertificateReportService reports;
    private final IntegrityViews views;
    private final CurrentActor actor;

    public CertificateReportResource(CertificateReportService reports, IntegrityViews views, CurrentActor actor) {
        this.reports = reports;
        this.views = views;
        this.actor = actor;
    }

    @GET
    public List<IntegrityViews.ReportView> list(@QueryParam("state") ReportState state) {
        return reports.list(state).stream().map(views::report).toList();
    }

    @POST
    @Path("/{id}/decision")
    public IntegrityViews.ReportView decide(@PathParam("id") UUID id,
            @Valid @NotNull IntegrityRequests.Decision request) {
        return views.report(reports.decide(actor.get(), id, request));
    }
}
