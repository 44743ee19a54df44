package cn.zhicheng.review.setup.service;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.review.setup.rest.SetupRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The HR bureau sets up its committees (R8 scope, R12 member count) and the sign-ins of their offices. */
@ApplicationScoped
@Transactional
public class CommitteeService {

    public static final String SUBJECT = "COMMITTEE";

    private final SetupAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    public CommitteeService(SetupAccess access, AuditTrail audit, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Committee> list(Actor actor) {
        return access.readable(actor);
    }

    public Committee get(Actor actor, UUID id) {
        return access.readable(actor, id);
    }

    /** A committee under the actor's HR bureau; its code is unique. */
    public Committee create(Actor actor, SetupRequests.NewCommittee request) {
        if (actor.unitId() == null) {
            throw Problem.of(403, "FORBIDDEN", "Forbidden", "Your sign-in belongs to no HR bureau.");
        }
        if (Series.findById(request.seriesId()) == null) {
            throw Problem.validation(List.of(new Problem.FieldError("seriesId", "no such series")));
        }
        String code = request.code().trim();
        requireFreeCode(code, null);
        Committee committee = new Committee();
        committee.id = UUID.randomUUID();
        committee.code = code;
        committee.seriesId = request.seriesId();
        committee.hrBureauId = actor.unitId();
        committee.createdAt = clock.instant();
        committee.name = request.name().trim();
        committee.levels = EnumSet.copyOf(request.levels());
        committee.jurisdiction = blankToNull(request.jurisdiction());
        committee.organiser = blankToNull(request.organiser());
        committee.memberCount = request.memberCount();
        committee.persist();
        Unique.flushOr(codeTaken(code));
        audit.record(actor, new AuditTrail.Change("COMMITTEE_CREATE", SUBJECT, committee.id, null, null,
                describe(committee)));
        return committee;
    }

    /** R8, R12: the committee's name, levels, jurisdiction, organiser and member count, at the version loaded. */
    public Committee update(Actor actor, UUID id, SetupRequests.CommitteeChange request) {
        Committee committee = access.managed(actor, id);
        SetupAccess.requireVersion("committee", committee.version, request.version());
        String code = request.code().trim();
        requireFreeCode(code, committee.id);
        String before = describe(committee);
        committee.code = code;
        committee.name = request.name().trim();
        committee.levels.clear();
        committee.levels.addAll(request.levels());
        committee.jurisdiction = blankToNull(request.jurisdiction());
        committee.organiser = blankToNull(request.organiser());
        committee.memberCount = request.memberCount();
        // flushed here so a concurrent change is a 409 now and the answer carries the new version
        Unique.flushOr(codeTaken(code));
        audit.record(actor, new AuditTrail.Change("COMMITTEE_UPDATE", SUBJECT, committee.id, null, null,
                before + " → " + describe(committee)));
        return committee;
    }

    public List<Account> staff(Actor actor, UUID committeeId) {
        access.managed(actor, committeeId);
        return Account.listByCommittee(committeeId, Role.COMMITTEE_OFFICE);
    }

    public Account staffMember(Actor actor, UUID committeeId, UUID accountId) {
        access.managed(actor, committeeId);
        Account account = Account.findById(accountId);
        if (account == null || account.role != Role.COMMITTEE_OFFICE || !committeeId.equals(account.committeeId)) {
            throw Problem.notFound("STAFF_NOT_FOUND", "No staff account " + accountId + " in this committee.");
        }
        return account;
    }

    /** A sign-in for the committee office, made and hashed the way registration makes accounts. */
    public Account addStaff(Actor actor, UUID committeeId, SetupRequests.NewStaff request) {
        Committee committee = access.managed(actor, committeeId);
        if (Account.usernameTaken(request.username())) {
            throw usernameTaken();
        }
        // the office works under the committee's HR bureau, as the token's unit claim says
        Account account = Account.create(request.username(), request.password(), request.displayName().trim(),
                Role.COMMITTEE_OFFICE, null, committee.hrBureauId, committee.id, clock.instant());
        account.persist();
        Unique.flushOr(usernameTaken());
        audit.record(actor, new AuditTrail.Change("STAFF_CREATE", "ACCOUNT", account.id, null, "ACTIVE",
                "committee office of " + committee.code + ": " + account.username));
        return account;
    }

    public static Problem usernameTaken() {
        return Problem.conflict("USERNAME_TAKEN", "User name taken", "Choose another user name.");
    }

    private static void requireFreeCode(String code, UUID self) {
        boolean taken = self == null ? Committee.count("code", code) > 0
                : Committee.count("code = ?1 and id <> ?2", code, self) > 0;
        if (taken) {
            throw codeTaken(code);
        }
    }

    private static Problem codeTaken(String code) {
        return Problem.conflict("COMMITTEE_CODE_TAKEN", "Committee code taken",
                "Another committee already has the code " + code + "; choose another.");
    }

    private static String describe(Committee c) {
        return c.code + " " + c.name + "; levels " + c.levels.stream().sorted().map(TitleLevel::name)
                .collect(Collectors.joining(",")) + "; jurisdiction " + (c.jurisdiction == null ? "-" : c.jurisdiction)
                + "; members " + c.memberCount;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
