package cn.zhicheng.review.meeting.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.expert.ExpertConflict;
import cn.zhicheng.core.expert.ExpertPoolMember;
import cn.zhicheng.core.expert.Recusal;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.meeting.DrawCandidate;
import cn.zhicheng.core.meeting.ExpertDraw;
import cn.zhicheng.core.meeting.Meeting;
import cn.zhicheng.core.meeting.MeetingApplication;
import cn.zhicheng.core.meeting.MeetingExpert;
import cn.zhicheng.core.meeting.MeetingState;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** R9, R10: draws a meeting's experts from the year's pool, recusing conflicts, and re-runs a draw from its record. */
@ApplicationScoped
@Transactional
public class DrawService {

    private final MeetingAccess access;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DrawService(MeetingAccess access, AuditTrail audit, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** What re-running a meeting's draw from its record gives, beside what was recorded. */
    public record Verification(boolean matches, String seed, String inputsHash, String recomputedInputsHash,
            int count, List<UUID> recorded, List<UUID> recomputed) {
    }

    /**
     * R9, R10: the approved meeting's experts, drawn once. The candidates are the committee's pool of the meeting's
     * year whose term still runs on the meeting day; each one with the same employer unit as an applicant on the
     * agenda (同单位回避) or a declared conflict with an applicant or their unit is recused. The seed, every
     * candidate with its recusal reason and the inputs' hash are stored, so anyone authorised can re-run it.
     */
    public Meeting draw(Actor actor, UUID id, Long version) {
        Meeting meeting = access.requireFor(id, actor, Role.COMMITTEE_OFFICE);
        if (meeting.drawSeed != null) {
            throw Problem.conflict("ALREADY_DRAWN", "Experts already drawn",
                    "This meeting's experts were drawn at " + meeting.drawnAt + "; a meeting is drawn once.");
        }
        MeetingAccess.requireState(meeting, MeetingState.APPROVED, "drawn");
        MeetingAccess.requireVersion(meeting, version);
        int year = meeting.meetingDate.getYear();
        List<UUID> pool = ExpertPoolMember.listPool(meeting.committeeId, year).stream()
                .filter(m -> !m.termEndsOn.isBefore(meeting.meetingDate))
                .map(m -> m.expertId).toList();
        if (pool.isEmpty()) {
            throw Problem.rule("R9", 422, "POOL_NOT_UPDATED", "No expert pool for the year",
                    "The committee has no experts in its pool of " + year + " whose term runs on "
                            + meeting.meetingDate + "; the pool is renewed every year before experts are drawn.")
                    .with("poolYear", year);
        }
        Map<UUID, String> recusals = recusals(meeting, pool);
        String seed = seed();
        ExpertDraw.Result result = ExpertDraw.draw(seed, pool, recusals, meeting.expertCount);
        if (result.eligible().size() < meeting.expertCount) {
            throw Problem.rule("R10", 422, "NOT_ENOUGH_EXPERTS", "Not enough experts without a conflict",
                    "The pool of " + year + " has " + pool.size() + " experts, " + recusals.size()
                            + " of them recused; " + result.eligible().size() + " remain but " + meeting.expertCount
                            + " are needed. Add experts to the pool or change the agenda.")
                    .with("eligible", result.eligible().size())
                    .with("needed", meeting.expertCount);
        }
        for (UUID expertId : pool) {
            DrawCandidate candidate = new DrawCandidate();
            candidate.meetingId = meeting.id;
            candidate.expertId = expertId;
            candidate.recusedReason = recusals.get(expertId);
            candidate.persist();
        }
        int rank = 1;
        for (UUID expertId : result.drawn()) {
            MeetingExpert seat = new MeetingExpert();
            seat.meetingId = meeting.id;
            seat.expertId = expertId;
            seat.drawRank = rank++;
            seat.persist();
        }
        MeetingState before = meeting.state;
        meeting.drawSeed = seed;
        meeting.drawInputsHash = result.inputsHash();
        meeting.drawnBy = actor.accountId();
        meeting.drawnAt = clock.instant();
        meeting.state = MeetingState.DRAWN;
        audit.record(actor, new AuditTrail.Change("MEETING_DRAW", MeetingService.SUBJECT, meeting.id, before.name(),
                meeting.state.name(), "seed " + seed + ", inputs " + result.inputsHash() + ", " + pool.size()
                        + " candidates, " + recusals.size() + " recused"));
        return meeting;
    }

    /** R10: the reason each pool member is recused from this meeting, for those who are. */
    private static Map<UUID, String> recusals(Meeting meeting, List<UUID> pool) {
        List<Application> agenda = Application.list("id in ?1", MeetingApplication.agenda(meeting.id).stream()
                .map(a -> a.applicationId).toList());
        Set<UUID> units = agenda.stream().map(a -> a.unitId).collect(Collectors.toSet());
        Set<UUID> people = agenda.stream().map(a -> a.applicantId).collect(Collectors.toSet());
        Map<UUID, String> unitNames = Unit.<Unit>list("id in ?1", units).stream()
                .collect(Collectors.toMap(u -> u.id, u -> u.name));
        Map<UUID, List<ExpertConflict>> conflicts = Recusal.conflictsOf(pool);
        Map<UUID, String> recusals = new LinkedHashMap<>();
        for (Expert expert : Expert.<Expert>list("id in ?1", pool)) {
            String reason = Recusal.reason(expert, conflicts.getOrDefault(expert.id, List.of()), units, people,
                    unitNames);
            if (reason != null) {
                recusals.put(expert.id, reason);
            }
        }
        return recusals;
    }

    /** R10: 32 bytes from a cryptographic generator, as hex; nobody can choose or predict the draw. */
    private String seed() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** R10: re-runs the recorded draw with the same function and compares it with the experts recorded. */
    public Verification verify(Actor actor, UUID id) {
        Meeting meeting = access.require(id, actor);
        if (meeting.drawSeed == null) {
            throw Problem.conflict("NOT_DRAWN", "Not drawn yet", "This meeting's experts have not been drawn yet.");
        }
        Map<UUID, String> recusals = new LinkedHashMap<>();
        List<UUID> candidates = new ArrayList<>();
        for (DrawCandidate candidate : DrawCandidate.listByMeeting(meeting.id)) {
            candidates.add(candidate.expertId);
            if (candidate.recusedReason != null) {
                recusals.put(candidate.expertId, candidate.recusedReason);
            }
        }
        ExpertDraw.Result again = ExpertDraw.draw(meeting.drawSeed, candidates, recusals, meeting.expertCount);
        List<UUID> recorded = MeetingExpert.listByMeeting(meeting.id).stream().map(e -> e.expertId).toList();
        boolean matches = recorded.equals(again.drawn()) && again.inputsHash().equals(meeting.drawInputsHash);
        return new Verification(matches, meeting.drawSeed, meeting.drawInputsHash, again.inputsHash(),
                meeting.expertCount, recorded, again.drawn());
    }
}

