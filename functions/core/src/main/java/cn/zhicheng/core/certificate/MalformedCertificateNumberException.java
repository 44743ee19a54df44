package cn.zhicheng.core.certificate;

import java.util.Objects;

/** Thrown when a string is not a well-formed certificate number (R27). */
public final class MalformedCertificateNumberException extends RuntimeException {

    /** Why the number was refused: a layout problem, or a typing mistake caught by the check character. */
    public enum Reason {
        WRONG_FORMAT,
        BAD_CHECK_CHARACTER
    }

    private final Reason reason;

    public MalformedCertificateNumberException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
