package cn.zhicheng.catalogue.seal.service;

import cn.zhicheng.core.catalogue.SealRegistration;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/** Who may see and act on an e-seal registration: its unit, and the unit's city HR bureau (decision 0005: else 404). */
@ApplicationScoped
public class SealAccess {

    /** The registration if the actor is its unit or the unit's city HR bureau. */
    public SealRegistration visible(Actor actor, UUID id) {
        SealRegistration registration = find(id);
        if (actor.is(Role.SELF_EVAL_UNIT)) {
            Unit.selfEvaluatingOf(actor, false);
        }
        if (!sees(actor, registration)) {
            throw notFound(id);
        }
        return registration;
    }

    /** The unit's own registration, read under its unit's lock for a change. */
    public SealRegistration ownForChange(Actor actor, UUID id) {
        Unit.selfEvaluatingOf(actor, true);
        SealRegistration registration = find(id);
        if (!registration.unitId.equals(actor.unitId())) {
            throw notFound(id);
        }
        return registration;
    }

    /** A registration the actor's bureau decides, read again under its unit's lock for the decision. */
    public SealRegistration decidedBy(Actor actor, UUID id) {
        SealRegistration registration = find(id);
        if (!actor.is(Role.HR_BUREAU) || !registration.hrBureauId.equals(actor.unitId())) {
            throw notFound(id);
        }
        // the unit's row is the one lock of its registrations and keys (IssuerKeys takes it too)
        Unit.findById(registration.unitId, LockModeType.PESSIMISTIC_WRITE);
        SealRegistration.getEntityManager().refresh(registration);
        return registration;
    }

    private static boolean sees(Actor actor, SealRegistration registration) {
        return actor.unitId() != null && (actor.is(Role.SELF_EVAL_UNIT) && registration.unitId.equals(actor.unitId())
                || actor.is(Role.HR_BUREAU) && registration.hrBureauId.equals(actor.unitId()));
    }

    private static SealRegistration find(UUID id) {
        SealRegistration registration = SealRegistration.findById(id);
        if (registration == null) {
            throw notFound(id);
        }
        return registration;
    }

    private static Problem notFound(UUID id) {
        return Problem.notFound("SEAL_REGISTRATION_NOT_FOUND", "No e-seal registration " + id + " of yours.");
    }
}
