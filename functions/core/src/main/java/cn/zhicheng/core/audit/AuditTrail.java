package cn.zhicheng.core.audit;

import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.persistence.BatchInsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Appends audit events to the hash chain, always inside the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private static final List<String> COLUMNS = List.of("seq", "id", "occurred_at", "actor_id", "actor_name",
            "actor_role", "action", "subject_type", "subject_id", "from_state", "to_state", "note", "prev_hash",
            "hash");

    private final Clock clock;
    private final BatchInsert batch;

    public AuditTrail(Clock clock, BatchInsert batch) {
        this.clock = clock;
        this.batch = batch;
    }

    /** A change of something's state: who, what action, on which subject, from and to which state, and why. */
    public record Change(String action, String subjectType, UUID subjectId, String fromState, String toState,
            String note) {
    }

    public AuditEvent record(Actor actor, Change change) {
        AuditEvent event = append(lockHead(), actor, change, now());
        event.persist();
        return event;
    }

    /**
     * Many changes of one step at once (a round's certificates), chained in order under the same lock as
     * {@link #record} and written in one batch instead of an entity each. The chain is the one {@link #record}
     * extends: the verifier cannot tell the two apart.
     */
    public List<AuditEvent> recordAll(Actor actor, List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        AuditHead head = lockHead();
        Instant at = now();
        List<AuditEvent> events = new ArrayList<>(changes.size());
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Change change : changes) {
            AuditEvent e = append(head, actor, change, at);
            events.add(e);
            rows.add(new Object[] {e.seq, e.id, e.occurredAt, e.actorId, e.actorName, e.actorRole, e.action,
                e.subjectType, e.subjectId, e.fromState, e.toState, e.note, e.prevHash, e.hash});
        }
        batch.insert("audit_event", COLUMNS, rows);
        return events;
    }

    private static AuditHead lockHead() {
        return AuditHead.findById(1, LockModeType.PESSIMISTIC_WRITE);
    }

    // stored with microsecond precision, so hash what will be read back
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The next event of the chain, hashed, and the head moved onto it; the caller writes the event. */
    private static AuditEvent append(AuditHead head, Actor actor, Change change, Instant at) {
        AuditEvent event = new AuditEvent();
        event.seq = head.lastSeq + 1;
        event.id = UUID.randomUUID();
        event.occurredAt = at;
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
