package cn.zhicheng.review.setup.service;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.expert.ExpertPoolMember;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.review.setup.rest.SetupRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * R9: a committee's expert pool is kept per year and renewed every year, by hand or by copying last year's members
 * whose term reaches into the new year. Meetings draw only from the pool of their year.
 */
@ApplicationScoped
@Transactional
public class PoolService {

    public static final String SUBJECT = "EXPERT_POOL";

    private final SetupAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    public PoolService(SetupAccess access, AuditTrail audit, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ExpertPoolMember> pool(Actor actor, UUID committeeId, int year) {
        access.readable(actor, committeeId);
        return ExpertPoolMember.listPool(committeeId, year);
    }

    /** R9: an expert joins the year's pool; the term must reach into that year. */
    public List<ExpertPoolMember> add(Actor actor, UUID committeeId, int year, SetupRequests.NewPoolMember request) {
        Committee committee = access.lockedForChange(actor, committeeId);
        Expert expert = Expert.findById(request.expertId());
        if (expert == null) {
            throw Problem.rule("R9", 422, "EXPERT_NOT_FOUND", "No such expert",
                    "Add the expert to the expert list first, then to the pool.");
        }
        if (request.termEndsOn().isBefore(LocalDate.of(year, 1, 1))) {
            throw Problem.rule("R9", 422, "TERM_ENDS_BEFORE_YEAR", "Term ends before the pool's year",
                    "An expert whose term ended before " + year + " cannot sit in the " + year
                            + " pool; give a term ending in " + year + " or later.")
                    .with("year", year);
        }
        if (ExpertPoolMember.inPool(committee.id, year, expert.id)) {
            throw alreadyInPool(expert, year);
        }
        member(committee.id, year, expert.id, request.termEndsOn(), actor, clock.instant()).persist();
        Unique.flushOr(alreadyInPool(expert, year));
        audit.record(actor, new AuditTrail.Change("POOL_ADD", SUBJECT, committee.id, null, null,
                committee.code + " " + year + ": + " + expert.name + " (" + expert.id + ") until "
                        + request.termEndsOn()));
        return ExpertPoolMember.listPool(committee.id, year);
    }

    public void remove(Actor actor, UUID committeeId, int year, UUID expertId) {
        Committee committee = access.lockedForChange(actor, committeeId);
        ExpertPoolMember member = ExpertPoolMember.findById(new ExpertPoolMember.Key(committee.id, year, expertId));
        if (member == null) {
            throw Problem.notFound("POOL_MEMBER_NOT_FOUND",
                    "Expert " + expertId + " is not in the " + year + " pool of this committee.");
        }
        member.delete();
        Expert expert = Expert.findById(expertId);
        audit.record(actor, new AuditTrail.Change("POOL_REMOVE", SUBJECT, committee.id, null, null,
                committee.code + " " + year + ": - " + expert.name + " (" + expert.id + ")"));
    }

    /**
     * R9 renewal: the members of another year's pool whose term reaches into this year join this year's pool
     * (those already in it stay as they are). An empty source pool is refused, since copying it renews nothing.
     */
    public List<ExpertPoolMember> copy(Actor actor, UUID committeeId, int year, int fromYear) {
        Committee committee = access.lockedForChange(actor, committeeId);
        if (fromYear == year) {
            throw Problem.validation(List.of(new Problem.FieldError("fromYear", "must be another year")));
        }
        List<ExpertPoolMember> source = ExpertPoolMember.listPool(committee.id, fromYear);
        if (source.isEmpty()) {
            throw Problem.rule("R9", 422, "SOURCE_POOL_EMPTY", "Nothing to copy",
                    "The " + fromYear + " pool of this committee is empty; add the experts by hand.")
                    .with("fromYear", fromYear);
        }
        LocalDate yearStarts = LocalDate.of(year, 1, 1);
        Instant now = clock.instant();
        int copied = 0;
        for (ExpertPoolMember from : source) {
            if (!from.termEndsOn.isBefore(yearStarts) && !ExpertPoolMember.inPool(committee.id, year, from.expertId)) {
                member(committee.id, year, from.expertId, from.termEndsOn, actor, now).persist();
                copied++;
            }
        }
        audit.record(actor, new AuditTrail.Change("POOL_COPY", SUBJECT, committee.id, null, null,
                committee.code + " " + fromYear + " → " + year + ": " + copied + " of " + source.size()
                        + " copied (the others' terms end before " + year + " or they are in already)"));
        return ExpertPoolMember.listPool(committee.id, year);
    }

    private static ExpertPoolMember member(UUID committeeId, int year, UUID expertId, LocalDate termEndsOn,
            Actor actor, Instant now) {
        ExpertPoolMember member = new ExpertPoolMember();
        member.committeeId = committeeId;
        member.poolYear = year;
        member.expertId = expertId;
        member.termEndsOn = termEndsOn;
        member.addedBy = actor.accountId();
        member.addedAt = now;
        return member;
    }

    private static Problem alreadyInPool(Expert expert, int year) {
        return Problem.conflict("ALREADY_IN_POOL", "Already in the pool",
                expert.name + " is in the " + year + " pool already.");
    }
}
