package cn.zhicheng.spotcheck.integrity.rest;

import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.spotcheck.integrity.mapping.IntegrityViews;
import cn.zhicheng.spotcheck.integrity.service.IntegrityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** The records that name the signed-in applicant, and only those. */
@Path("/api/me/integrity-records")
@RolesAllowed(Role.Names.APPLICANT)
public class MyIntegrityResource {

    private final IntegrityService integrity;
    private final IntegrityViews views;
    private final CurrentActor actor;

    public MyIntegrityResource(IntegrityService integrity, IntegrityViews views, CurrentActor actor) {
        this.integrity = integrity;
        this.views = views;
        this.actor = actor;
    }

    @GET
    public List<IntegrityViews.IntegrityView> mine() {
        return views.records(integrity.mine(actor.get()));
    }
}
