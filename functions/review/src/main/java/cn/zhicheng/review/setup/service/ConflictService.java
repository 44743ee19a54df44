package cn.zhicheng.review.setup.service;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.expert.ExpertConflict;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.InvalidIdNumberException;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.review.setup.rest.SetupRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** R10: an expert declares conflicts of interest with a unit or a person; draws recuse them. */
@ApplicationScoped
@Transactional
public class ConflictService {

    public static final String SUBJECT = "EXPERT_CONFLICT";

    private final AuditTrail audit;
    private final Clock clock;

    public ConflictService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public List<ExpertConflict> mine(Actor actor) {
        return ExpertConflict.listByExpert(expertOf(actor).id);
    }

    public ExpertConflict get(Actor actor, UUID id) {
        ExpertConflict conflict = ExpertConflict.findById(id);
        if (conflict == null || !conflict.expertId.equals(expertOf(actor).id)) {
            throw Problem.notFound("CONFLICT_NOT_FOUND", "No conflict " + id + " of yours.");
        }
        return conflict;
    }

    /** R10: a conflict with a unit, a person (found by a valid ID number), or both; at least one. */
    public ExpertConflict declare(Actor actor, SetupRequests.NewConflict request) {
        Expert expert = expertOf(actor);
        String idNumber = request.personIdNumber() == null || request.personIdNumber().isBlank() ? null
                : request.personIdNumber().trim();
        if (request.unitId() == null && idNumber == null) {
            throw Problem.rule("R10", 422, "CONFLICT_TARGET_REQUIRED", "Whom is the conflict with?",
                    "Name the unit, the person's ID number, or both.")
                    .withErrors(List.of(new Problem.FieldError("unitId", "a unit or a person is required"),
                            new Problem.FieldError("personIdNumber", "a unit or a person is required")));
        }
        if (request.unitId() != null && Unit.findById(request.unitId()) == null) {
            throw Problem.validation(List.of(new Problem.FieldError("unitId", "no such unit")));
        }
        UUID personId = idNumber == null ? null : person(idNumber).id;
        ExpertConflict conflict = new ExpertConflict();
        conflict.id = UUID.randomUUID();
        conflict.expertId = expert.id;
        conflict.unitId = request.unitId();
        conflict.personId = personId;
        conflict.reason = request.reason().trim();
        conflict.declaredAt = clock.instant();
        conflict.persist();
        List<String> targets = new ArrayList<>();
        if (conflict.unitId != null) {
            targets.add("unit " + conflict.unitId);
        }
        if (personId != null) {
            // the person by id, never by ID number: the audit trail is read more widely than the person record
            targets.add("person " + personId);
        }
        audit.record(actor, new AuditTrail.Change("CONFLICT_DECLARE", SUBJECT, conflict.id, null, null,
                expert.name + " with " + String.join(" and ", targets) + ": " + conflict.reason));
        return conflict;
    }

    private static Person person(String idNumber) {
        IdNumber parsed;
        try {
            parsed = IdNumber.parse(idNumber);
        } catch (InvalidIdNumberException e) {
            throw Problem.badRequest("INVALID_ID_NUMBER", "Invalid ID number", e.getMessage())
                    .withErrors(List.of(new Problem.FieldError("personIdNumber", e.getMessage())));
        }
        return Person.findByIdNumber(parsed.value()).orElseThrow(() -> Problem.rule("R10", 422,
                "PERSON_NOT_FOUND", "Person not known",
                "No one with this ID number is registered; check the number, or declare the conflict with their "
                        + "unit instead."));
    }

    /** The expert record behind the sign-in; an EXPERT account without one has nothing to declare for. */
    private static Expert expertOf(Actor actor) {
        return Expert.findByAccount(actor.accountId()).orElseThrow(() -> Problem.of(403, "NOT_AN_EXPERT",
                "No expert record", "Your sign-in is not linked to an expert record; ask the HR bureau to link it."));
    }
}
