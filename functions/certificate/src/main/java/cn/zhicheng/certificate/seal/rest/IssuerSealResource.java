package cn.zhicheng.certificate.seal.rest;

import cn.zhicheng.certificate.seal.service.IssuerSealService;
import cn.zhicheng.core.certificate.IssuerSealImage;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** R27: the HR bureau's seal image printed on its certificates. */
@Path("/api/issuer-seal")
@RolesAllowed(Role.Names.HR_BUREAU)
public class IssuerSealResource {

    private final IssuerSealService seals;
    private final CurrentActor actor;

    public IssuerSealResource(IssuerSealService seals, CurrentActor actor) {
        this.seals = seals;
        this.actor = actor;
    }

    /** What was stored. */
    public record SealView(String contentType, long size, String sha256, Instant uploadedAt, long version) {
    }

    /** The raw image is the body; any declared type reaches the service, which answers SEAL_IMAGE_INVALID. */
    @PUT
    @Consumes("*/*")
    public SealView upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        IssuerSealImage image = seals.upload(actor.get(), contentType, body);
        return new SealView(image.contentType, image.size, image.sha256, image.uploadedAt, image.version);
    }

    @GET
    public Response get() {
        IssuerSealService.Image image = seals.get(actor.get());
        return Response.ok(image.bytes(), image.contentType()).header("Cache-Control", "private, no-store").build();
    }
}
