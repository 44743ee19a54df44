package cn.zhicheng.core.audit;

import cn.zhicheng.core.identity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/** Appends audit events to the hash chain, always inside the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private final Clock clock;

    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    /** A change of something's state: who, what action, on which subject, from and to which state, and why. */
    public record Change(String action, String subjectType, UUID subjectId, String fromState, String toState,
            String note) {
    }

    public AuditEvent record(Actor actor, Change change) {
        AuditHead head = AuditHead.findById(1, LockModeType.PESSIMISTIC_WRITE);
        AuditEvent event = new AuditEvent();
        event.seq = head.lastSeq + 1;
        event.id = UUID.randomUUID();
        // stored with microsecond precision, so hash what will be read back
        event.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        event.actorId = actor.accountId();
        event.actorName = actor.name() == null ? actor.username() : actor.name();
        event.actorRole = actor.role() == null ? null : actor.role().name();
        event.action = change.action();
        event.subjectType = change.subjectType();
        event.subjectId = change.subjectId();
        event.fromState = change.fromState();
        event.toState = change.toState();
        event.note = change.note();
        event.prevHash = head.lastHash;
        event.hash = hash(event);
        event.persist();
        head.lastSeq = event.seq;
        head.lastHash = event.hash;
        return event;
    }

    /** SHA-256 over every field in a fixed order; the same function verifies the chain. */
    static String hash(AuditEvent e) {
        String canonical = String.join("\u001f",
                Long.toString(e.seq), e.id.toString(), instant(e.occurredAt), str(e.actorId), e.actorName,
                str(e.actorRole), e.action, e.subjectType, e.subjectId.toString(), str(e.fromState),
                str(e.toState), str(e.note), e.prevHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    private static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }
}
