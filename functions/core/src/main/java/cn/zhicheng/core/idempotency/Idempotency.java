package cn.zhicheng.core.idempotency;

import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Creating requests sent twice (a double click, a retry after a lost response) create once: the client sends an
 * {@code Idempotency-Key} header, the key is stored with the created resource in the creating transaction, and a
 * repeat gets the first resource back. Two concurrent repeats meet at the key's primary key: the second waits for
 * the first to commit, fails on the duplicate key, and then reads the first one's resource.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 100;

    private final Clock clock;

    public Idempotency(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs {@code create} (which joins this method's transaction) once per actor and key, and returns the created
     * resource's id; without a key it simply creates. Must be called outside a transaction.
     */
    public UUID once(Actor actor, String key, String operation, Supplier<UUID> create) {
        if (key == null || key.isBlank()) {
            return QuarkusTransaction.requiringNew().call(create::get);
        }
        String trimmed = key.trim();
        if (trimmed.length() > MAX_KEY_LENGTH) {
            throw Problem.badRequest("IDEMPOTENCY_KEY_INVALID", "Idempotency key too long",
                    "An Idempotency-Key has at most " + MAX_KEY_LENGTH + " characters.");
        }
        Optional<UUID> earlier = earlier(actor, trimmed, operation);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                UUID id = create.get();
                IdempotencyKey row = new IdempotencyKey();
                row.accountId = actor.accountId();
                row.key = trimmed;
                row.operation = operation;
                row.resourceId = id;
                row.createdAt = clock.instant();
                row.persistAndFlush();
                return id;
            });
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                return earlier(actor, trimmed, operation).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private static Optional<UUID> earlier(Actor actor, String key, String operation) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IdempotencyKey row = IdempotencyKey.findById(new IdempotencyKey.Key(actor.accountId(), key));
            if (row == null) {
                return Optional.empty();
            }
            if (!row.operation.equals(operation)) {
                throw Problem.of(422, "IDEMPOTENCY_KEY_REUSED", "Idempotency key already used",
                        "This Idempotency-Key was used for " + row.operation + "; send a new key for " + operation
                                + ".");
            }
            return Optional.of(row.resourceId);
        });
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("idempotency_key")) {
                return true;
            }
        }
        return false;
    }
}
