package cn.zhicheng.core.spotcheck;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * R18, R19: the spot-check draw of docs/spotcheck.md as a pure function, so the server, the public verifier and
 * anyone with the published record get the same sample and the same inspectors.
 *
 * <p>All hashes are SHA-256 over UTF-8 text, written as lower-case hex; ids are in their lower-case text form.
 * Ranking compares the hex text, which orders exactly like the unsigned digest bytes, so the digests are compared
 * as bytes (ties, never seen in practice, by the id's text). Every rank key is computed once before sorting, with
 * one reused {@link MessageDigest}, so a draw over n applications costs n hashes and memory linear in n.
 */
public final class SampleDraw {

    private static final HexFormat HEX = HexFormat.of();

    private SampleDraw() {
    }

    /** The canonical population: the distinct ids as lower-case text, sorted by that text, each followed by \n. */
    public static String populationText(Collection<UUID> population) {
        String[] ids = sortedIds(population);
        StringBuilder text = new StringBuilder(ids.length * 37);
        for (String id : ids) {
            text.append(id).append('\n');
        }
        return text.toString();
    }

    /** SHA-256 hex of {@link #populationText}; hashed line by line, so the text is never built whole. */
    public static String populationHash(Collection<UUID> population) {
        MessageDigest sha = sha256();
        byte[] newline = {'\n'};
        for (String id : sortedIds(population)) {
            sha.update(id.getBytes(StandardCharsets.US_ASCII));
            sha.update(newline);
        }
        return HEX.formatHex(sha.digest());
    }

    /** The office's commitment: SHA-256 hex of the seed's text. */
    public static String commitment(String seed) {
        return sha256Hex(seed);
    }

    /** R19: SHA-256 hex of {@code seed + ":" + serverSalt}; neither party alone chooses it. */
    public static String drawSeed(String seed, String serverSalt) {
        requireHex64(seed, "seed");
        requireHex64(serverSalt, "serverSalt");
        return sha256Hex(seed + ":" + serverSalt);
    }

    /** Whether the text is 64 lower-case hex characters, the form of seeds, salts and commitments. */
    public static boolean isHex64(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** R18: ceil(ratio × population), at least 1 when there is anyone to check. */
    public static int sampleSize(int population, BigDecimal ratio) {
        return SpotCheckSampleSize.sampleSize(population, ratio);
    }

    /** A sample rank: SHA-256 hex of {@code drawSeed + ":" + applicationId}, smallest first. */
    public static String sampleRank(String drawSeed, UUID applicationId) {
        return sha256Hex(drawSeed + ":" + applicationId);
    }

    /** An inspector rank: SHA-256 hex of {@code drawSeed + ":" + applicationId + ":" + expertId}. */
    public static String inspectorRank(String drawSeed, UUID applicationId, UUID expertId) {
        return sha256Hex(drawSeed + ":" + applicationId + ":" + expertId);
    }

    /**
     * R19: the first {@code size} applications of the population by sample rank, in draw order (rank 1 first).
     * Duplicates count once; the order of the input never matters.
     */
    public static List<UUID> sample(String drawSeed, Collection<UUID> population, int size) {
        requireHex64(drawSeed, "drawSeed");
        if (size < 0) {
            throw new IllegalArgumentException("a sample size cannot be negative, got " + size);
        }
        byte[] prefix = (drawSeed + ":").getBytes(StandardCharsets.US_ASCII);
        return ranked(prefix, population, size);
    }

    /**
     * R19: an application's inspectors: the eligible candidates (recused ones already removed) ranked by
     * inspector rank, the first {@code count} of them, or all if fewer; the caller refuses too few.
     */
    public static List<UUID> inspectors(String drawSeed, UUID applicationId, Collection<UUID> eligible, int count) {
        requireHex64(drawSeed, "drawSeed");
        Objects.requireNonNull(applicationId, "applicationId");
        if (count < 1) {
            throw new IllegalArgumentException("an application needs at least one inspector, not " + count);
        }
        byte[] prefix = (drawSeed + ":" + applicationId + ":").getBytes(StandardCharsets.US_ASCII);
        return ranked(prefix, eligible, count);
    }

    /** The ids ranked by SHA-256 of prefix + id text, first {@code limit} of them. */
    private static List<UUID> ranked(byte[] prefix, Collection<UUID> ids, int limit) {
        Objects.requireNonNull(ids, "ids");
        MessageDigest sha = sha256();
        Set<UUID> seen = new HashSet<>(Math.max(16, ids.size() * 2));
        List<Ranked> keys = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            if (!seen.add(Objects.requireNonNull(id, "id"))) {
                continue;
            }
            String text = id.toString();
            sha.update(prefix);
            sha.update(text.getBytes(StandardCharsets.US_ASCII));
            keys.add(new Ranked(sha.digest(), text, id));
        }
        Ranked[] sorted = keys.toArray(Ranked[]::new);
        Arrays.sort(sorted);
        int n = Math.min(limit, sorted.length);
        List<UUID> first = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            first.add(sorted[i].id);
        }
        return first;
    }

    private static String[] sortedIds(Collection<UUID> population) {
        Objects.requireNonNull(population, "population");
        // UUID.toString is lower-case; its natural String order is the order of the text the verifier sorts
        return population.stream().map(UUID::toString).distinct().sorted().toArray(String[]::new);
    }

    private static void requireHex64(String text, String name) {
        if (!isHex64(text)) {
            throw new IllegalArgumentException(name + " must be 64 lower-case hex characters");
        }
    }

    private static String sha256Hex(String text) {
        return HEX.formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A rank key computed once: the digest bytes compare like their hex text, then the id's text breaks ties. */
    private record Ranked(byte[] digest, String text, UUID id) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked other) {
            int byDigest = Arrays.compareUnsigned(digest, other.digest);
            return byDigest != 0 ? byDigest : text.compareTo(other.text);
        }
    }
}
