package cn.zhicheng.spotcheck.draw.mapping;

import cn.zhicheng.core.spotcheck.SpotCheckState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** R19: a draw's public record; ids only, never a name or an ID number. */
public record PublicSpotCheckView(UUID id, String committeeName, String seriesName, int roundYear,
        SpotCheckState state, BigDecimal ratio, int inspectorsPerApplication, String seedCommitment,
        String serverSalt, String populationHash, List<UUID> population, String seed, List<Sampled> sample,
        List<UUID> candidates, List<Recused> recusals, UUID correctsDrawId, UUID supersededById, Instant committedAt,
        Instant drawnAt) {

    /** A sampled application in draw order, with its inspectors in draw order. */
    public record Sampled(UUID applicationId, int drawRank, List<UUID> inspectors) {
    }

    /** A candidate recused from one sampled application; the reason is not public (it names units). */
    public record Recused(UUID applicationId, UUID expertId) {
    }

    /** A line of the public list of draws. */
    public record Summary(UUID id, String committeeName, String seriesName, int roundYear, int populationSize,
            Integer sampleSize, Instant drawnAt, SpotCheckState state) {
    }
}
