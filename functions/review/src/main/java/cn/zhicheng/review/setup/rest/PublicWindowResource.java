package cn.zhicheng.review.setup.rest;

import cn.zhicheng.review.setup.mapping.SetupViews;
import cn.zhicheng.review.setup.service.WindowService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** R1: the submission windows open now or opening later, so applicants know when to apply; public. */
@Path("/api/public/windows")
@PermitAll
public class PublicWindowResource {

    private final WindowService windows;
    private final SetupViews views;

    public PublicWindowResource(WindowService windows, SetupViews views) {
        this.windows = windows;
        this.views = views;
    }

    @GET
    public List<SetupViews.WindowView> list() {
        return views.windows(windows.published());
    }
}
