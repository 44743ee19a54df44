package cn.zhicheng.core.meeting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * R10: the random, re-checkable expert draw of a meeting, as a pure function of its recorded inputs.
 *
 * <p>Inputs: a seed (hex), the candidate experts (the pool, R9), the recusal reason of each recused candidate and
 * the number to draw. The eligible candidates are the candidates without a recusal reason. Each eligible expert is
 * ranked by the lower-case hex of SHA-256 over the UTF-8 bytes of {@code seed + ":" + expertId} (the id in its
 * canonical lower-case form), smallest first, ties (never seen in practice) broken by the id's text; the first
 * {@code count} are drawn. Anyone with the seed and the candidate list gets the same experts in the same order,
 * whatever order the candidates are given in.
 *
 * <p>{@link #inputsHash} fingerprints the inputs: SHA-256 (lower-case hex) over the UTF-8 text
 * {@code "seed=" + seed + "\ncount=" + count + "\n"} followed by one line per candidate, sorted by the id's text,
 * {@code expertId + "\t" + reason + "\n"}, where reason is empty for an eligible candidate and has any tab or
 * line break replaced by a space.
 */
public final class ExpertDraw {

    private ExpertDraw() {
    }

    /** The experts drawn in draw order (rank 1 first), the eligible candidates, and the inputs' fingerprint. */
    public record Result(List<UUID> drawn, List<UUID> eligible, String inputsHash) {
    }

    /**
     * Draws {@code min(count, eligible)} distinct experts; the caller refuses a draw with too few eligible (R10).
     *
     * @param seed the draw's random seed, in hex
     * @param candidates every candidate considered (duplicates count once)
     * @param recusals reason per recused candidate; ids that are not candidates are ignored
     * @param count how many to draw, at least 1
     */
    public static Result draw(String seed, Collection<UUID> candidates, Map<UUID, String> recusals, int count) {
        requireSeed(seed);
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(recusals, "recusals");
        if (count < 1) {
            throw new IllegalArgumentException("a draw needs at least one expert, not " + count);
        }
        List<UUID> eligible = ordered(candidates).stream().filter(id -> !recused(recusals, id)).toList();
        List<UUID> drawn = eligible.stream()
                .map(id -> new Ranked(id, rank(seed, id)))
                .sorted(Comparator.comparing(Ranked::rank).thenComparing(r -> r.id().toString()))
                .limit(count)
                .map(Ranked::id)
                .toList();
        return new Result(drawn, eligible, inputsHash(seed, candidates, recusals, count));
    }

    /** The hex SHA-256 of {@code seed + ":" + expertId}: an expert's place in the draw, smallest first. */
    public static String rank(String seed, UUID expertId) {
        return sha256(seed + ":" + expertId);
    }

    /** SHA-256 over the canonical, ordered inputs (see the class comment). */
    public static String inputsHash(String seed, Collection<UUID> candidates, Map<UUID, String> recusals,
            int count) {
        requireSeed(seed);
        StringBuilder canonical = new StringBuilder("seed=").append(seed).append("\ncount=").append(count)
                .append('\n');
        for (UUID id : ordered(candidates)) {
            String reason = recused(recusals, id) ? recusals.get(id).replaceAll("[\\t\\r\\n]", " ") : "";
            canonical.append(id).append('\t').append(reason).append('\n');
        }
        return sha256(canonical.toString());
    }

    /** Distinct ids in the order of their text form, so any language re-running the draw sorts them the same. */
    private static TreeSet<UUID> ordered(Collection<UUID> ids) {
        TreeSet<UUID> ordered = new TreeSet<>(Comparator.comparing(UUID::toString));
        ordered.addAll(ids);
        return ordered;
    }

    private static boolean recused(Map<UUID, String> recusals, UUID id) {
        String reason = recusals.get(id);
        return reason != null && !reason.isBlank();
    }

    private static void requireSeed(String seed) {
        if (seed == null || seed.isEmpty() || !seed.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("the seed must be hex");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Ranked(UUID id, String rank) {
    }
}
