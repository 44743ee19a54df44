package cn.zhicheng.certificate.status.rest;

import cn.zhicheng.certificate.status.mapping.CertificateStatusView;
import cn.zhicheng.certificate.status.service.CertificateStatusService;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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

    // Called on the event loop (it returns a stage): the service only checks the number here and reads on threads of
    // its own, so nothing blocks the loop.
    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<RestResponse<CertificateStatusView>> status(@PathParam("number") String number) {
        return onRequestContext(statuses.statusOf(number).thenApply(view -> RestResponse.ResponseBuilder.ok(view)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build()));
    }

    // The answer, or the failure, is written on the request's own event loop rather than on the thread that read
    // the batch, which would otherwise serialise its whole batch's answers one after another.
    private static <T> CompletionStage<T> onRequestContext(CompletionStage<T> stage) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return stage;
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> context.runOnContext(ignored -> {
            if (failure == null) {
                answer.complete(value);
            } else {
                answer.completeExceptionally(failure);
            }
        }));
        return answer;
    }
}
