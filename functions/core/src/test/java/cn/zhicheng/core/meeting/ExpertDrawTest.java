package cn.zhicheng.core.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpertDrawTest {

    private static final String SEED = "00ff" + "ab".repeat(30);
    private static final List<UUID> SEVEN = List.of(
            UUID.fromString("00000000-0000-0000-0000-000000000001"),
            UUID.fromString("00000000-0000-0000-0000-000000000002"),
            UUID.fromString("00000000-0000-0000-0000-000000000003"),
            UUID.fromString("00000000-0000-0000-0000-000000000004"),
            UUID.fromString("00000000-0000-0000-0000-000000000005"),
            UUID.fromString("00000000-0000-0000-0000-000000000006"),
            UUID.fromString("ffffffff-0000-0000-0000-000000000007"));

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void R10_ranksByTheHashOfSeedAndIdAsDocumented() throws Exception {
        ExpertDraw.Result result = ExpertDraw.draw(SEED, SEVEN, Map.of(), 7);
        List<UUID> expected = SEVEN.stream()
                .sorted((a, b) -> {
                    try {
                        return sha256(SEED + ":" + a).compareTo(sha256(SEED + ":" + b));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertEquals(expected, result.drawn());
        assertEquals(sha256(SEED + ":" + SEVEN.get(0)), ExpertDraw.rank(SEED, SEVEN.get(0)));
    }

    @Test
    void R10_recusedExpertIsNeverDrawnAndTheRestAre() {
        UUID recused = SEVEN.get(4);
        ExpertDraw.Result result = ExpertDraw.draw(SEED, SEVEN, Map.of(recused, "同单位回避"), 6);
        assertEquals(6, result.drawn().size());
        assertFalse(result.drawn().contains(recused));
        assertEquals(6, result.eligible().size());
    }

    @Test
    void inputsHashIsTheDocumentedCanonicalText() throws Exception {
        UUID recused = SEVEN.get(1);
        StringBuilder text = new StringBuilder("seed=" + SEED + "\ncount=5\n");
        // sorted by the id's text: the ffffffff… id comes last even though UUID.compareTo puts it first
        for (UUID id : SEVEN) {
            text.append(id).append('\t').append(id.equals(recused) ? "同单位回避 WFDLSJY" : "").append('\n');
        }
        assertEquals(sha256(text.toString()),
                ExpertDraw.inputsHash(SEED, SEVEN.reversed(), Map.of(recused, "同单位回避\tWFDLSJY"), 5));
    }

    @Test
    void theInputsHashChangesWithAnyInput() {
        String base = ExpertDraw.inputsHash(SEED, SEVEN, Map.of(), 5);
        assertNotEquals(base, ExpertDraw.inputsHash(SEED, SEVEN, Map.of(SEVEN.get(0), "回避"), 5));
        assertNotEquals(base, ExpertDraw.inputsHash(SEED, SEVEN, Map.of(), 4));
        assertNotEquals(base, ExpertDraw.inputsHash(SEED, SEVEN.subList(0, 6), Map.of(), 5));
        assertNotEquals(base, ExpertDraw.inputsHash("01" + SEED.substring(2), SEVEN, Map.of(), 5));
    }

    @Test
    void fewerEligibleThanWantedDrawsAllOfThem() {
        assertEquals(3, ExpertDraw.draw(SEED, SEVEN.subList(0, 3), Map.of(), 5).drawn().size());
    }

    @Test
    void badInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ExpertDraw.draw("not hex", SEVEN, Map.of(), 5));
        assertThrows(IllegalArgumentException.class, () -> ExpertDraw.draw("", SEVEN, Map.of(), 5));
        assertThrows(IllegalArgumentException.class, () -> ExpertDraw.draw(SEED, SEVEN, Map.of(), 0));
    }
}
