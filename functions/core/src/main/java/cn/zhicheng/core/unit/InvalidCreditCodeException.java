package cn.zhicheng.core.unit;

import java.util.Objects;

/** Thrown when a string is not a valid unified social credit code; says why, and the expected check character. */
public final class InvalidCreditCodeException extends RuntimeException {

    /** Why the code was refused, so callers can answer specifically without parsing the message. */
    public enum Reason {
        WRONG_LENGTH,
        BAD_CHARACTER,
        BAD_REGISTRATION_AUTHORITY,
        BAD_CATEGORY,
        BAD_DIVISION,
        BAD_CHECK_CHARACTER
    }

    private final Reason reason;
    private final Character expectedCheckCharacter;

    public InvalidCreditCodeException(Reason reason, Character expectedCheckCharacter, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.expectedCheckCharacter = expectedCheckCharacter;
    }

    public Reason reason() {
        return reason;
    }

    /** The check character the first 17 characters call for; only for {@link Reason#BAD_CHECK_CHARACTER}. */
    public Character expectedCheckCharacter() {
        return expectedCheckCharacter;
    }
}
