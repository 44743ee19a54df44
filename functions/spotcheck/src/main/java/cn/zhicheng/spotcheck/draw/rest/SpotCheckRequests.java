package cn.zhicheng.spotcheck.draw.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/** Request bodies of the draw routes (docs/spotcheck.md). */
public final class SpotCheckRequests {

    private SpotCheckRequests() {
    }

    /**
     * R19: the office's commitment to a seed it keeps and to the population it was shown; a correction names the
     * drawn draw it corrects and why.
     */
    public record Commit(@NotNull UUID roundId, @NotNull UUID seriesId, BigDecimal ratio,
            @Min(1) @Max(5) Integer inspectorsPerApplication, @NotNull String seedCommitment,
            @NotNull String populationHash, UUID correctsDrawId, @Size(max = 1000) String correctionReason) {
    }

    /** R19: the seed revealed, at the version the office saw. */
    public record Reveal(@NotNull String seed, @NotNull Long version) {
    }
}
