package cn.zhicheng.core.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal that reaches the client as an RFC 9457 problem: a stable code, the rule that refused it (if any),
 * and field errors for validation failures.
 */
public class Problem extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final String rule;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    private Problem(int status, String code, String title, String detail, String rule, List<FieldError> errors,
            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.rule = rule;
        this.errors = List.copyOf(errors);
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    private Problem(int status, String code, String title, String detail, String rule, List<FieldError> errors) {
        this(status, code, title, detail, rule, errors, Map.of());
    }

    /**
     * The problem with an extension member (RFC 9457 §3.2) the client can act on, e.g. the day a ban ends, so a
     * page can say "until 2031-05-01" in the reader's language instead of parsing the detail.
     */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(status, code, title, getMessage(), rule, errors, more);
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(status, code, title, detail, null, List.of());
    }

    /** A refusal by a rule of RULES.md, e.g. {@code Problem.rule("R5", 422, "PLEDGE_REQUIRED", ...)}. */
    public static Problem rule(String rule, int status, String code, String title, String detail) {
        return new Problem(status, code, title, detail, rule, List.of());
    }

    public static Problem badRequest(String code, String title, String detail) {
        return of(400, code, title, detail);
    }

    public static Problem notFound(String code, String detail) {
        return of(404, code, "Not found", detail);
    }

    public static Problem conflict(String code, String title, String detail) {
        return of(409, code, title, detail);
    }

    /**
     * Optimistic locking on a step the client sends a row's version with: {@code STALE_VERSION} when the row moved
     * on since the client loaded it. A null version (a step that may omit it) is not checked.
     */
    public static void requireVersion(String what, Long sent, long now) {
        if (sent != null && sent != now) {
            throw conflict("STALE_VERSION", "Changed by someone else", "The " + what + " was changed since you loaded"
                    + " it (version " + sent + ", now " + now + "); reload and try again.");
        }
    }

    public static Problem validation(List<FieldError> errors) {
        return new Problem(400, "VALIDATION_FAILED", "Validation failed",
                "The request has fields that are missing or invalid.", null, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(status, code, title, getMessage(), rule, fieldErrors, extensions);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String rule() {
        return rule;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }
}
