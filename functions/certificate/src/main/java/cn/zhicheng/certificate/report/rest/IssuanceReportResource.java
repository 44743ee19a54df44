package cn.zhicheng.certificate.report.rest;

import cn.zhicheng.certificate.report.service.IssuanceReportService;
import cn.zhicheng.core.certificate.IssuanceReport;
import cn.zhicheng.core.export.XlsxWriter;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.storage.ContentDisposition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** R29: the HR bureau's annual reports of the certificates it issued. */
@Path("/api/certificates/issuance-reports")
@RolesAllowed(Role.Names.HR_BUREAU)
public class IssuanceReportResource {

    private final IssuanceReportService reports;
    private final CurrentActor actor;

    public IssuanceReportResource(IssuanceReportService reports, CurrentActor actor) {
        this.reports = reports;
        this.actor = actor;
    }

    /** One year's report as the list shows it. */
    public record ReportView(int year, IssuanceReport.State state, LocalDate dueOn, long certificateCount,
            Instant submittedAt, long version) {

        static ReportView of(IssuanceReportService.Summary s) {
            return new ReportView(s.report().year, s.report().state, s.dueOn(), s.certificateCount(),
                    s.report().submittedAt, s.report().version);
        }
    }

    /** The version the client loaded. */
    public record SubmitRequest(@NotNull Long version) {
    }

    @GET
    public List<ReportView> list() {
        return reports.list(actor.get()).stream().map(ReportView::of).toList();
    }

    @GET
    @Path("/{year:\\d{4}}.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response xlsx(@PathParam("year") int year) {
        return Response.ok(reports.spreadsheet(actor.get(), year), XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", ContentDisposition.attachment(year + "年度发证情况.xlsx")).build();
    }

    @POST
    @Path("/{year:\\d{4}}/submit")
    public ReportView submit(@PathParam("year") int year, @Valid @NotNull SubmitRequest request) {
        return ReportView.of(reports.submit(actor.get(), year, request.version()));
    }
}
