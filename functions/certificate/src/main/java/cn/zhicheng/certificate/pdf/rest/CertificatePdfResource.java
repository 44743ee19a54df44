package cn.zhicheng.certificate.pdf.rest;

import cn.zhicheng.certificate.pdf.service.CertificatePdfService;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.storage.ContentDisposition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** R27, R28: the A4 certificate to print, for its holder and its issuer. */
@Path("/api/certificates/{id}/pdf")
@RolesAllowed({Role.Names.APPLICANT, Role.Names.HR_BUREAU})
public class CertificatePdfResource {

    private final CertificatePdfService pdfs;
    private final CurrentActor actor;

    public CertificatePdfResource(CertificatePdfService pdfs, CurrentActor actor) {
        this.pdfs = pdfs;
        this.actor = actor;
    }

    @GET
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") UUID id) {
        CertificatePdfService.Pdf pdf = pdfs.render(actor.get(), id);
        // the holder's copy carries the full ID number: never kept by shared caches
        return Response.ok(pdf.bytes(), "application/pdf")
                .header("Content-Disposition", ContentDisposition.attachment(pdf.fileName()))
                .header("Cache-Control", "private, no-store").build();
    }
}
