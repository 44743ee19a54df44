package cn.zhicheng.certificate.rest;

import cn.zhicheng.certificate.mapping.TrustList;
import cn.zhicheng.certificate.service.IssuerKeyService;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;

/** An issuer's own e-seal keys as the trust list publishes them, and their rotation. */
@Path("/api/issuer-keys")
@RolesAllowed({Role.Names.HR_BUREAU, Role.Names.SELF_EVAL_UNIT})
public class IssuerKeyResource {

    private final IssuerKeyService keys;
    private final CurrentActor actor;

    public IssuerKeyResource(IssuerKeyService keys, CurrentActor actor) {
        this.keys = keys;
        this.actor = actor;
    }

    @GET
    public List<TrustList.Entry> list() {
        return keys.list(actor.get()).stream().map(TrustList::entry).toList();
    }

    @POST
    @Path("/rotate")
    public List<TrustList.Entry> rotate(@Valid @NotNull CertificateRequests.Rotate request) {
        return keys.rotate(actor.get(), request.reason()).stream().map(TrustList::entry).toList();
    }
}
