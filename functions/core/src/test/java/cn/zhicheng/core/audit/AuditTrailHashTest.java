package cn.zhicheng.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The audit chain's hash covers every field, so no field can change unnoticed (R25). */
class AuditTrailHashTest {

    private static AuditEvent event() {
        AuditEvent e = new AuditEvent();
        e.seq = 7;
        e.id = UUID.fromString("00000000-0000-0000-0000-000000000007");
        e.occurredAt = Instant.parse("2026-11-22T08:00:00.123456Z");
        e.actorId = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
        e.actorName = "李娜";
        e.actorRole = "UNIT_HR";
        e.action = "UNIT_REVIEW";
        e.subjectType = "APPLICATION";
        e.subjectId = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
        e.fromState = "SUBMITTED";
        e.toState = "UNIT_PUBLICITY";
        e.note = "材料齐全";
        e.prevHash = AuditTrail.GENESIS;
        return e;
    }

    @Test
    void theHashIsStableForTheSameContent() {
        assertEquals(AuditTrail.hash(event()), AuditTrail.hash(event()));
        assertEquals(64, AuditTrail.hash(event()).length());
    }

    @Test
    void R25_changingAnyFieldChangesTheHash() {
        String original = AuditTrail.hash(event());
        java.util.List<Consumer<AuditEvent>> edits = java.util.List.of(
                e -> e.seq = 8, e -> e.id = UUID.randomUUID(), e -> e.occurredAt = e.occurredAt.plusNanos(1000),
                e -> e.actorId = UUID.randomUUID(), e -> e.actorName = "王芳", e -> e.actorRole = "HR_BUREAU",
                e -> e.action = "RETURN", e -> e.subjectType = "CERTIFICATE", e -> e.subjectId = UUID.randomUUID(),
                e -> e.fromState = "DRAFT", e -> e.toState = "DRAFT", e -> e.note = "伪造",
                e -> e.prevHash = "f".repeat(64));
        for (Consumer<AuditEvent> edit : edits) {
            AuditEvent changed = event();
            edit.accept(changed);
            assertNotEquals(original, AuditTrail.hash(changed));
        }
    }

    @Test
    void fieldsCannotBeShiftedIntoTheirNeighbours() {
        AuditEvent a = event();
        a.fromState = "SUBMITTED";
        a.toState = "";
        AuditEvent b = event();
        b.fromState = "";
        b.toState = "SUBMITTED";
        assertNotEquals(AuditTrail.hash(a), AuditTrail.hash(b));
    }
}
