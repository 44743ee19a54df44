package cn.zhicheng.spotcheck.draw.service;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.expert.ExpertConflict;
import cn.zhicheng.core.expert.ExpertPoolMember;
import cn.zhicheng.core.expert.Recusal;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.persistence.BatchInsert;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.spotcheck.SampleDraw;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.spotcheck.SpotCheckState;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * R18, R19: the reveal. The office sends the seed it committed to; the server checks it and the population, then
 * draws the sample and each sampled application's inspectors with {@link SampleDraw} and records all of it, so
 * anyone can re-run the draw from the public record.
 */
@ApplicationScoped
@Transactional
public class DrawService {

    private final SpotCheckAccess access;
    private final Populations populations;
    private final BatchInsert batch;
    private final AuditTrail audit;
    private final Clock clock;

    public DrawService(SpotCheckAccess access, Populations populations, BatchInsert batch, AuditTrail audit,
            Clock clock) {
        this.access = access;
        this.populations = populations;
        this.batch = batch;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a draw computed, before anything is written. */
    private record Outcome(List<UUID> sample, List<UUID> candidates, Map<UUID, Map<UUID, String>> recusals,
            Map<UUID, List<UUID>> inspectors) {
    }

    /**
     * R19: draws a committed draw once. The draw's row is locked first, so of two reveals at once the second waits
     * and then finds it drawn. Every check runs before the first write: a refusal writes nothing.
     */
    public SpotCheck draw(Actor actor, UUID id, String seed, Long version) {
        if (!SampleDraw.isHex64(seed)) {
            throw Problem.rule("R19", 400, "INVALID_SEED", "Invalid seed",
                    "The seed is the 64 lower-case hex characters the office kept when it committed.");
        }
        if (!actor.is(Role.COMMITTEE_OFFICE)) {
            throw SpotCheckAccess.notFound(id);
        }
        SpotCheck draw = access.draw(id, actor, LockModeType.PESSIMISTIC_WRITE);
        if (draw.state != SpotCheckState.COMMITTED) {
            throw Problem.rule("R19", 409, "ALREADY_DRAWN", "Already drawn",
                    "This draw was drawn at " + draw.drawnAt + "; a draw is never redrawn. Commit a correction "
                            + "naming it, with a reason, instead.")
                    .with("drawId", draw.id)
                    .with("state", draw.state);
        }
        Problem.requireVersion("draw", version, draw.version);
        if (!SampleDraw.commitment(seed).equals(draw.seedCommitment)) {
            throw Problem.rule("R19", 422, "SEED_MISMATCH", "The seed does not match the commitment",
                    "SHA-256 of this seed is not the commitment " + draw.seedCommitment
                            + "; send the seed kept when committing.");
        }
        List<Populations.Member> members = populations.current(draw.roundId, draw.seriesId);
        String hash = SampleDraw.populationHash(CommitmentService.ids(members));
        if (!hash.equals(draw.populationHash)) {
            throw CommitmentService.populationChanged(hash, members.size());
        }
        ReviewRound round = ReviewRound.findById(draw.roundId);
        Instant now = clock.instant();
        String drawSeed = SampleDraw.drawSeed(seed, draw.serverSalt);
        Outcome outcome = compute(draw, round, members, drawSeed, LocalDate.ofInstant(now, ClockProducer.CHINA));
        SpotCheck corrected = supersede(actor, draw);
        write(draw, outcome);
        draw.seed = seed;
        draw.sampleSize = outcome.sample().size();
        draw.state = SpotCheckState.DRAWN;
        draw.drawnBy = actor.accountId();
        draw.drawnAt = now;
        int recused = outcome.recusals().values().stream().mapToInt(Map::size).sum();
        audit.record(actor, new AuditTrail.Change("SPOT_CHECK_DRAW", CommitmentService.SUBJECT, draw.id,
                SpotCheckState.COMMITTED.name(), draw.state.name(), "seed " + seed + ", draw seed " + drawSeed + ", "
                        + draw.sampleSize + " of " + draw.populationSize + " sampled, " + outcome.candidates().size()
                        + " candidates, " + recused + " recusals"
                        + (corrected == null ? "" : ", supersedes " + corrected.id)));
        return draw;
    }

    /** R18, R19, R10: the sample, the candidates, the recusals and the inspectors; refuses too few inspectors. */
    private static Outcome compute(SpotCheck draw, ReviewRound round, List<Populations.Member> members,
            String drawSeed, LocalDate day) {
        int size = SampleDraw.sampleSize(members.size(), draw.ratio);
        List<UUID> sample = SampleDraw.sample(drawSeed, CommitmentService.ids(members), size);
        // R9: the committee's pool of the round's year whose term still runs on the draw day
        List<UUID> candidates = ExpertPoolMember.listPool(draw.committeeId, round.year).stream()
                .filter(m -> !m.termEndsOn.isBefore(day)).map(m -> m.expertId).toList();
        List<Expert> experts = candidates.isEmpty() ? List.of() : Expert.list("id in ?1", candidates);
        Map<UUID, List<ExpertConflict>> conflicts = Recusal.conflictsOf(candidates);
        Set<UUID> expertUnits = experts.stream().map(e -> e.unitId).collect(Collectors.toSet());
        Map<UUID, String> unitNames = expertUnits.isEmpty() ? Map.of() : Unit.<Unit>list("id in ?1", expertUnits)
                .stream().collect(Collectors.toMap(u -> u.id, u -> u.name));
        Map<UUID, Populations.Member> byId = new HashMap<>(members.size() * 2);
        members.forEach(m -> byId.put(m.applicationId(), m));
        Map<UUID, Map<UUID, String>> recusals = new LinkedHashMap<>();
        Map<UUID, List<UUID>> inspectors = new LinkedHashMap<>();
        for (UUID applicationId : sample) {
            Populations.Member member = byId.get(applicationId);
            Set<UUID> unit = Set.of(member.unitId());
            Set<UUID> person = Set.of(member.applicantId());
            Map<UUID, String> recused = new LinkedHashMap<>();
            List<UUID> eligible = new ArrayList<>(experts.size());
            for (Expert expert : experts) {
                // R10: the same rule as a meeting's draw, applied to this one applicant
                String reason = Recusal.reason(expert, conflicts.getOrDefault(expert.id, List.of()), unit, person,
                        unitNames);
                if (reason == null) {
                    eligible.add(expert.id);
                } else {
                    recused.put(expert.id, reason);
                }
            }
            if (eligible.size() < draw.inspectorsPerApplication) {
                throw Problem.rule("R19", 422, "NOT_ENOUGH_INSPECTORS", "Not enough inspectors without a conflict",
                        "Application " + applicationId + " has " + eligible.size() + " eligible inspectors of "
                                + candidates.size() + " in the pool of " + round.year + ", but "
                                + draw.inspectorsPerApplication + " are needed. Add experts to the pool.")
                        .with("applicationId", applicationId)
                        .with("eligible", eligible.size())
                        .with("needed", draw.inspectorsPerApplication);
            }
            if (!recused.isEmpty()) {
                recusals.put(applicationId, recused);
            }
            inspectors.put(applicationId, SampleDraw.inspectors(drawSeed, applicationId, eligible,
                    draw.inspectorsPerApplication));
        }
        return new Outcome(sample, candidates, recusals, inspectors);
    }

    /** R19: drawing a correction supersedes the draw it corrects; both changes are audited. */
    private SpotCheck supersede(Actor actor, SpotCheck draw) {
        if (draw.correctsDrawId == null) {
            return null;
        }
        SpotCheck corrected = SpotCheck.findById(draw.correctsDrawId, LockModeType.PESSIMISTIC_WRITE);
        if (corrected.state != SpotCheckState.DRAWN) {
            throw Problem.rule("R19", 409, "NOT_CORRECTABLE", "Nothing to correct",
                    "The draw this correction names is " + corrected.state + ", not drawn.");
        }
        corrected.state = SpotCheckState.SUPERSEDED;
        audit.record(actor, new AuditTrail.Change("SPOT_CHECK_SUPERSEDE", CommitmentService.SUBJECT, corrected.id,
                SpotCheckState.DRAWN.name(), corrected.state.name(), "corrected by " + draw.id + ": "
                        + draw.correctionReason));
        return corrected;
    }

    /** The draw's record, in bulk (benchmark P3: 100,000 applications in at most 2 s). */
    private void write(SpotCheck draw, Outcome outcome) {
        List<Object[]> candidates = new ArrayList<>(outcome.candidates().size());
        outcome.candidates().forEach(expertId -> candidates.add(new Object[] {draw.id, expertId}));
        batch.insert("spot_check_candidate", List.of("draw_id", "expert_id"), candidates);
        List<Object[]> samples = new ArrayList<>(outcome.sample().size());
        int rank = 1;
        for (UUID applicationId : outcome.sample()) {
            samples.add(new Object[] {draw.id, applicationId, rank++, 0L});
        }
        batch.insert("spot_check_sample", List.of("draw_id", "application_id", "draw_rank", "version"), samples);
        List<Object[]> recusals = new ArrayList<>();
        outcome.recusals().forEach((applicationId, recused) -> recused.forEach((expertId, reason) ->
                recusals.add(new Object[] {draw.id, applicationId, expertId, reason})));
        batch.insert("spot_check_recusal", List.of("draw_id", "application_id", "expert_id", "reason"), recusals);
        List<Object[]> inspectors = new ArrayList<>(outcome.sample().size() * draw.inspectorsPerApplication);
        outcome.inspectors().forEach((applicationId, experts) -> {
            for (int i = 0; i < experts.size(); i++) {
                inspectors.add(new Object[] {draw.id, applicationId, experts.get(i), i + 1});
            }
        });
        batch.insert("spot_check_inspector", List.of("draw_id", "application_id", "expert_id", "draw_rank"),
                inspectors);
    }
}
