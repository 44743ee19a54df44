package cn.zhicheng.certificate.service;

import cn.zhicheng.core.certificate.IssuerKeys;
import cn.zhicheng.core.certificate.SigningKey;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** An issuer's own e-seal keys, and their rotation. */
@ApplicationScoped
@Transactional
public class IssuerKeyService {

    private final IssuerKeys keys;

    public IssuerKeyService(IssuerKeys keys) {
        this.keys = keys;
    }

    public List<SigningKey> list(Actor actor) {
        return IssuerKeys.listFor(issuer(actor).id);
    }

    /** The current key is retired with the reason and a new one made; returns the issuer's keys after. */
    public List<SigningKey> rotate(Actor actor, String reason) {
        Unit issuer = issuer(actor);
        keys.rotate(actor, issuer, reason);
        return IssuerKeys.listFor(issuer.id);
    }

    private static Unit issuer(Actor actor) {
        Unit unit = actor.unitId() == null ? null : Unit.findById(actor.unitId());
        if (unit == null) {
            throw Problem.notFound("ISSUER_NOT_FOUND", "Your account belongs to no issuing unit.");
        }
        return unit;
    }
}
