package cn.zhicheng.catalogue.appointment.rest;

import cn.zhicheng.catalogue.appointment.mapping.AppointmentSheet;
import cn.zhicheng.catalogue.appointment.mapping.AppointmentView;
import cn.zhicheng.catalogue.appointment.mapping.UploadReport;
import cn.zhicheng.catalogue.appointment.service.AppointmentService;
import cn.zhicheng.catalogue.appointment.service.AppointmentUploadService;
import cn.zhicheng.core.appointment.AppointmentState;
import cn.zhicheng.core.export.XlsxWriter;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.storage.ContentDisposition;
import cn.zhicheng.core.unit.Unit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** R25, R26: a self-evaluating unit's appointment records, their Excel uploads and photos. Nothing is deleted. */
@Path("/api/appointments")
@RolesAllowed(Role.Names.SELF_EVAL_UNIT)
public class AppointmentResource {

    private final AppointmentService appointments;
    private final AppointmentUploadService uploads;
    private final CurrentActor actor;

    public AppointmentResource(AppointmentService appointments, AppointmentUploadService uploads, CurrentActor actor) {
        this.appointments = appointments;
        this.uploads = uploads;
        this.actor = actor;
    }

    /** A page of items and how many there are in all. */
    public record Page<T>(List<T> items, long total) {
    }

    @GET
    @Path("/template.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response template() {
        Unit.selfEvaluatingOf(actor.get(), false);
        return xlsx(AppointmentSheet.template(), "职称自主评聘人员评聘信息采集表.xlsx");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(AppointmentRequests.Record request) {
        AppointmentView view = AppointmentView.of(appointments.record(actor.get(), request));
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @POST
    @Path("/uploads")
    @Consumes({XlsxWriter.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM})
    public UploadReport upload(@QueryParam("fileName") String fileName, byte[] body) {
        return uploads.upload(actor.get(), fileName, body);
    }

    @GET
    @Path("/uploads")
    public Page<UploadReport.Summary> uploads(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        Map.Entry<List<UploadReport.Summary>, Long> listed = uploads.list(actor.get(), page, size);
        return new Page<>(listed.getKey(), listed.getValue());
    }

    @GET
    @Path("/uploads/{id}")
    public UploadReport uploadReport(@PathParam("id") UUID id, @QueryParam("outcome") Outcome outcome) {
        return uploads.get(actor.get(), id, outcome == null ? null : outcome.name());
    }

    @GET
    @Path("/uploads/{id}/report.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response uploadReportXlsx(@PathParam("id") UUID id) {
        return xlsx(uploads.reportXlsx(actor.get(), id), "导入结果.xlsx");
    }

    @GET
    public Page<AppointmentView> list(@QueryParam("state") AppointmentState state, @QueryParam("q") String q,
            @QueryParam("backfill") Boolean backfill, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        AppointmentService.Listing listing = appointments.list(actor.get(), state, q, backfill, page, size);
        return new Page<>(AppointmentView.of(listing.items()), listing.total());
    }

    @GET
    @Path("/{id}")
    public AppointmentView get(@PathParam("id") UUID id) {
        return AppointmentView.of(appointments.get(actor.get(), id));
    }

    @POST
    @Path("/{id}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    public AppointmentView report(@PathParam("id") UUID id, @Valid @NotNull AppointmentRequests.Report request) {
        return AppointmentView.of(appointments.report(actor.get(), id, request));
    }

    /** The raw image is the body; any declared type reaches the service, which recognises PNG or JPEG. */
    @PUT
    @Path("/{id}/photo")
    @Consumes("*/*")
    public AppointmentView putPhoto(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return AppointmentView.of(appointments.putPhoto(actor.get(), id, contentType, body));
    }

    @GET
    @Path("/{id}/photo")
    public Response photo(@PathParam("id") UUID id) {
        AppointmentService.Photo photo = appointments.photo(actor.get(), id);
        return Response.ok(photo.bytes(), photo.contentType()).header("Cache-Control", "private, no-store").build();
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    public AppointmentView withdraw(@PathParam("id") UUID id, @Valid @NotNull AppointmentRequests.Withdraw request) {
        return AppointmentView.of(appointments.withdraw(actor.get(), id, request));
    }

    /** The outcomes a report can be filtered by. */
    public enum Outcome {
        ACCEPTED,
        REFUSED,
        ALREADY_RECORDED
    }

    private static Response xlsx(byte[] bytes, String fileName) {
        return Response.ok(bytes, XlsxWriter.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(fileName))
                .header("Cache-Control", "private, no-store").build();
    }
}
