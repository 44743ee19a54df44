package cn.zhicheng.core.person;

import java.util.Objects;

/** Thrown when a string is not a valid 居民身份证号; the message never contains the number itself. */
public final class InvalidIdNumberException extends RuntimeException {

    /** Why the number was refused, so callers can show a specific hint without parsing the message. */
    public enum Reason {
        WRONG_LENGTH,
        NOT_DIGITS,
        BAD_BIRTH_DATE,
        BAD_CHECK_DIGIT
    }

    private final Reason reason;

    public InvalidIdNumberException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
