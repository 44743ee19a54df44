package cn.zhicheng.spotcheck.draw.rest;

import cn.zhicheng.spotcheck.draw.mapping.PublicSpotCheckView;
import cn.zhicheng.spotcheck.draw.mapping.SpotCheckViews;
import cn.zhicheng.spotcheck.draw.service.PublicSpotCheckService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;

/** R19: the draws anyone may re-run, with their public record and the server's own re-run. No sign-in. */
@Path("/api/public/spotchecks")
public class PublicSpotCheckResource {

    private final PublicSpotCheckService draws;
    private final SpotCheckViews views;

    public PublicSpotCheckResource(PublicSpotCheckService draws, SpotCheckViews views) {
        this.draws = draws;
        this.views = views;
    }

    @GET
    @PermitAll
    public List<PublicSpotCheckView.Summary> list() {
        return views.publicList(draws.list());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public PublicSpotCheckView get(@PathParam("id") UUID id) {
        return views.publicView(draws.record(id));
    }

    @GET
    @Path("/{id}/verification")
    @PermitAll
    public PublicSpotCheckService.Verification verification(@PathParam("id") UUID id) {
        return draws.verify(id);
    }
}
