package cn.zhicheng.local.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The cheapest JSON answer the server can give (no database, no sign-in): a liveness check, and the baseline the
 * public status benchmark (P1) is measured against in the same run.
 */
@Path("/api/public/ping")
@PermitAll
public class PingResource {

    /** Always true; that the answer arrives is the point. */
    public record Ping(boolean ok) {
    }

    private static final Ping OK = new Ping(true);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Ping ping() {
        return OK;
    }
}
