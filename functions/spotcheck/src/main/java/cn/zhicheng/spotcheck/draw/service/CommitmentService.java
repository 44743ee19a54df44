package cn.zhicheng.spotcheck.draw.service;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.persistence.BatchInsert;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.spotcheck.SampleDraw;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.spotcheck.SpotCheckSampleSize;
import cn.zhicheng.core.spotcheck.SpotCheckState;
import cn.zhicheng.spotcheck.draw.rest.SpotCheckRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** R18, R19: a round's spot-check populations, and the office's commitment that freezes one before its draw. */
@ApplicationScoped
@Transactional
public class CommitmentService {

    public static final String SUBJECT = "SPOT_CHECK";
    static final int DEFAULT_INSPECTORS = 2;

    private final SpotCheckAccess access;
    private final Populations populations;
    private final BatchInsert batch;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CommitmentService(SpotCheckAccess access, Populations populations, BatchInsert batch, AuditTrail audit,
            Clock clock) {
        this.access = access;
        this.populations = populations;
        this.batch = batch;
        this.audit = audit;
        this.clock = clock;
    }

    /** The population of a round and series as the office is shown it before committing. */
    public record Population(UUID roundId, UUID committeeId, UUID seriesId, int size, String populationHash,
            List<UUID> applicationIds, int minimumSampleSize) {
    }

    /** A series with accepted applications in the round, and how many. */
    public record SeriesPopulation(UUID seriesId, String seriesName, long population) {
    }

    public Population population(Actor actor, UUID roundId, UUID seriesId) {
        ReviewRound round = access.round(roundId, actor, LockModeType.NONE);
        if (seriesId == null) {
            throw Problem.badRequest("SERIES_REQUIRED", "Series required", "Name the series (seriesId).");
        }
        List<UUID> ids = ids(populations.current(round.id, seriesId));
        List<UUID> ordered = ids.stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
        return new Population(round.id, round.committeeId, seriesId, ids.size(), SampleDraw.populationHash(ids),
                ordered, SampleDraw.sampleSize(ids.size(), SpotCheckSampleSize.MINIMUM_RATIO));
    }

    public List<SeriesPopulation> series(Actor actor, UUID roundId) {
        ReviewRound round = access.round(roundId, actor, LockModeType.NONE);
        List<SeriesPopulation> result = new ArrayList<>();
        for (Map.Entry<UUID, Long> entry : populations.sizesBySeries(round.id).entrySet()) {
            Series series = Series.findById(entry.getKey());
            result.add(new SeriesPopulation(entry.getKey(), series.nameZh, entry.getValue()));
        }
        return result;
    }

    /** The draws of the actor's committees (all the HR bureau's), of one round if given, latest first. */
    public List<SpotCheck> list(Actor actor, UUID roundId) {
        List<UUID> committees = access.committees(actor);
        return roundId == null ? SpotCheck.listByCommittees(committees) : SpotCheck.listByRound(roundId, committees);
    }

    public SpotCheck get(Actor actor, UUID id) {
        return access.draw(id, actor, LockModeType.NONE);
    }

    /**
     * R19: the office commits to the hash of a seed it keeps and to the population it was shown; the server
     * freezes that population and adds its own salt, published with the commitment. The round's row is locked
     * first, so two commitments for one round and series run one after the other and the second sees the first.
     */
    public UUID commit(Actor actor, SpotCheckRequests.Commit request) {
        if (!actor.is(Role.COMMITTEE_OFFICE)) {
            throw Problem.notFound("ROUND_NOT_FOUND", "No review round " + request.roundId() + " is visible to you.");
        }
        if (!SampleDraw.isHex64(request.seedCommitment())) {
            throw Problem.rule("R19", 400, "INVALID_COMMITMENT", "Invalid seed commitment",
                    "The seed commitment is the SHA-256 of the seed: 64 lower-case hex characters.");
        }
        BigDecimal ratio = ratio(request.ratio());
        int inspectors = request.inspectorsPerApplication() == null ? DEFAULT_INSPECTORS
                : request.inspectorsPerApplication();
        ReviewRound round = access.round(request.roundId(), actor, LockModeType.PESSIMISTIC_WRITE);
        Optional<SpotCheck> open = SpotCheck.findIn(round.id, request.seriesId(), SpotCheckState.COMMITTED);
        if (open.isPresent()) {
            throw Problem.rule("R19", 409, "OPEN_DRAW_EXISTS", "A commitment is open",
                    "This round and series already have a commitment waiting for its draw (" + open.get().id
                            + "); draw it before committing again.")
                    .with("drawId", open.get().id);
        }
        Optional<SpotCheck> drawn = SpotCheck.findIn(round.id, request.seriesId(), SpotCheckState.DRAWN);
        requireCorrection(request, drawn);
        List<UUID> ids = ids(populations.current(round.id, request.seriesId()));
        if (ids.isEmpty()) {
            throw Problem.rule("R18", 422, "EMPTY_POPULATION", "Nobody to check",
                    "The round has no accepted application of this series, so there is nothing to spot-check.");
        }
        String hash = SampleDraw.populationHash(ids);
        if (!hash.equals(request.populationHash())) {
            throw populationChanged(hash, ids.size());
        }
        Instant now = clock.instant();
        SpotCheck draw = new SpotCheck();
        draw.id = UUID.randomUUID();
        draw.committeeId = round.committeeId;
        draw.roundId = round.id;
        draw.seriesId = request.seriesId();
        draw.state = SpotCheckState.COMMITTED;
        draw.ratio = ratio;
        draw.inspectorsPerApplication = inspectors;
        draw.seedCommitment = request.seedCommitment();
        draw.serverSalt = salt();
        draw.populationHash = hash;
        draw.populationSize = ids.size();
        draw.correctsDrawId = request.correctsDrawId();
        draw.correctionReason = request.correctsDrawId() == null ? null : request.correctionReason().strip();
        draw.committedBy = actor.accountId();
        draw.committedAt = now;
        draw.createdAt = now;
        draw.persistAndFlush();
        List<Object[]> rows = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            rows.add(new Object[] {draw.id, id});
        }
        batch.insert("spot_check_population", List.of("draw_id", "application_id"), rows);
        audit.record(actor, new AuditTrail.Change("SPOT_CHECK_COMMIT", SUBJECT, draw.id, null, draw.state.name(),
                "commitment " + draw.seedCommitment + ", salt " + draw.serverSalt + ", population " + hash + " ("
                        + ids.size() + ")" + (draw.correctsDrawId == null ? ""
                                : ", corrects " + draw.correctsDrawId + ": " + draw.correctionReason)));
        return draw.id;
    }

    /** R19: a drawn draw is never redrawn; only a correction that names it, with a reason, follows it. */
    private static void requireCorrection(SpotCheckRequests.Commit request, Optional<SpotCheck> drawn) {
        if (request.correctsDrawId() == null) {
            if (drawn.isPresent()) {
                throw Problem.rule("R19", 409, "ALREADY_DRAWN", "Already drawn",
                        "This round and series were drawn (" + drawn.get().id + "); a draw is never redrawn. "
                                + "Commit a correction naming it, with a reason, instead.")
                        .with("drawId", drawn.get().id);
            }
            return;
        }
        if (drawn.isEmpty() || !drawn.get().id.equals(request.correctsDrawId())) {
            throw Problem.rule("R19", 409, "NOT_CORRECTABLE", "Nothing to correct",
                    "A correction names the drawn draw of the same round and series; " + request.correctsDrawId()
                            + " is not it.");
        }
        if (request.correctionReason() == null || request.correctionReason().isBlank()) {
            throw Problem.rule("R19", 400, "CORRECTION_REASON_REQUIRED", "Reason required",
                    "A correction says why the earlier draw is corrected.");
        }
    }

    static Problem populationChanged(String current, int size) {
        return Problem.rule("R19", 409, "POPULATION_CHANGED", "The population changed",
                "The accepted applications of this round and series are no longer the ones committed to; load the "
                        + "population again.")
                .with("populationHash", current)
                .with("populationSize", size);
    }

    /** R18: 0.15 unless the office chooses more, at most 1, with at most four decimals (the column's scale). */
    private static BigDecimal ratio(BigDecimal requested) {
        BigDecimal ratio = requested == null ? SpotCheckSampleSize.MINIMUM_RATIO : requested.stripTrailingZeros();
        if (ratio.compareTo(SpotCheckSampleSize.MINIMUM_RATIO) < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            throw Problem.rule("R18", 422, "RATIO_TOO_LOW", "Spot-check ratio out of range",
                    "The spot-check ratio must be at least 15% and at most 100%.");
        }
        if (ratio.scale() > 4) {
            throw Problem.badRequest("INVALID_RATIO", "Too many decimals",
                    "Give the ratio with at most four decimals, e.g. 0.1525.");
        }
        return ratio.setScale(4);
    }

    /** R19: 32 bytes from a cryptographic generator, chosen after the office committed; the only random input. */
    private String salt() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static List<UUID> ids(List<Populations.Member> members) {
        List<UUID> ids = new ArrayList<>(members.size());
        for (Populations.Member member : members) {
            ids.add(member.applicationId());
        }
        return ids;
    }
}
