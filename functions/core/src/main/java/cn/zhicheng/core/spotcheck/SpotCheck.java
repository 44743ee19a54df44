package cn.zhicheng.core.spotcheck;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A spot-check draw of one committee, series and round (R18, R19): committed first, then drawn once. */
@Entity
@Table(name = "spot_check_draw")
public class SpotCheck extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "committee_id", nullable = false)
    public UUID committeeId;

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(name = "series_id", nullable = false)
    public UUID seriesId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SpotCheckState state;

    /** R18: at least 0.15; the office may choose more. */
    @Column(nullable = false, precision = 5, scale = 4)
    public BigDecimal ratio;

    @Column(name = "inspectors_per_application", nullable = false)
    public int inspectorsPerApplication;

    /** SHA-256 (hex) of the office's seed, published before the draw. */
    @Column(name = "seed_commitment", nullable = false)
    public String seedCommitment;

    /** Chosen by the server at commitment, after the office committed, so neither side alone picks the draw. */
    @Column(name = "server_salt", nullable = false)
    public String serverSalt;

    @Column(name = "population_hash", nullable = false)
    public String populationHash;

    @Column(name = "population_size", nullable = false)
    public int populationSize;

    /** The office's seed, revealed by the draw; null while committed. */
    public String seed;

    @Column(name = "sample_size")
    public Integer sampleSize;

    /** A correction names the draw it corrects (R19: a draw is never redrawn). */
    @Column(name = "corrects_draw_id")
    public UUID correctsDrawId;

    @Column(name = "correction_reason")
    public String correctionReason;

    @Column(name = "committed_by", nullable = false)
    public UUID committedBy;

    @Column(name = "committed_at", nullable = false)
    public Instant committedAt;

    @Column(name = "drawn_by")
    public UUID drawnBy;

    @Column(name = "drawn_at")
    public Instant drawnAt;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<SpotCheck> listByCommittees(List<UUID> committeeIds) {
        if (committeeIds.isEmpty()) {
            return List.of();
        }
        return list("committeeId in ?1 order by createdAt desc", committeeIds);
    }

    /** The draws of one round, latest first, for the committees given. */
    public static List<SpotCheck> listByRound(UUID roundId, List<UUID> committeeIds) {
        if (committeeIds.isEmpty()) {
            return List.of();
        }
        return list("roundId = ?1 and committeeId in ?2 order by createdAt desc", roundId, committeeIds);
    }

    /** R19: the round and series' draw in the given state, if any (one open commitment, one drawn draw). */
    public static Optional<SpotCheck> findIn(UUID roundId, UUID seriesId, SpotCheckState state) {
        return find("roundId = ?1 and seriesId = ?2 and state = ?3 order by createdAt desc", roundId, seriesId, state)
                .firstResultOptional();
    }

    /** R19: the drawn correction that superseded this draw, if one did. */
    public static Optional<SpotCheck> findSupersedingOf(UUID drawId) {
        return find("correctsDrawId = ?1 and drawnAt is not null", drawId).firstResultOptional();
    }

    /** The draws anyone may see: drawn or superseded, latest first. */
    public static List<SpotCheck> listPublic() {
        return list("state in ?1 order by drawnAt desc", List.of(SpotCheckState.DRAWN, SpotCheckState.SUPERSEDED));
    }
}
