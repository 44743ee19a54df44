package cn.zhicheng.review.setup.service;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.review.setup.rest.SetupRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** R9: the experts committees draw from, each with the employer unit R10 recuses by and an optional sign-in. */
@ApplicationScoped
@Transactional
public class ExpertService {

    public static final String SUBJECT = "EXPERT";

    private final AuditTrail audit;
    private final Clock clock;

    public ExpertService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public List<Expert> list() {
        return Expert.listOrdered();
    }

    public Expert get(UUID id) {
        Expert expert = Expert.findById(id);
        if (expert == null) {
            throw notFound(id);
        }
        return expert;
    }

    /** An expert; with a user name and password also an EXPERT sign-in linked to them. */
    public Expert create(Actor actor, SetupRequests.NewExpert request) {
        Unit unit = Unit.findById(request.unitId());
        if (unit == null) {
            throw Problem.validation(List.of(new Problem.FieldError("unitId", "no such unit")));
        }
        boolean withSignIn = request.username() != null && !request.username().isBlank();
        if (withSignIn != (request.password() != null && !request.password().isBlank())) {
            String missing = withSignIn ? "password" : "username";
            throw Problem.validation(List.of(new Problem.FieldError(missing,
                    "a sign-in needs both a user name and a password")));
        }
        Instant now = clock.instant();
        Expert expert = new Expert();
        expert.id = UUID.randomUUID();
        expert.name = request.name().trim();
        expert.specialty = request.specialty().trim();
        expert.unitId = unit.id;
        expert.createdAt = now;
        if (withSignIn) {
            if (Account.usernameTaken(request.username())) {
                throw CommitteeService.usernameTaken();
            }
            Account account = Account.create(request.username(), request.password(), expert.name, Role.EXPERT, null,
                    unit.id, null, now);
            account.persist();
            expert.accountId = account.id;
        }
        expert.persist();
        Unique.flushOr(CommitteeService.usernameTaken());
        audit.record(actor, new AuditTrail.Change("EXPERT_CREATE", SUBJECT, expert.id, null, null,
                expert.name + ", " + expert.specialty + ", " + unit.name + (withSignIn ? ", with a sign-in" : "")));
        return expert;
    }

    public static Problem notFound(UUID id) {
        return Problem.notFound("EXPERT_NOT_FOUND", "No expert " + id + ".");
    }
}
