package cn.zhicheng.core.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The RFC 9457 body every error response carries. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetails(String type, String title, int status, String detail, String instance, String code,
        String rule, List<Problem.FieldError> errors, @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://zhicheng.cn/problems/";

    static ProblemDetails of(Problem problem, String instance) {
        String type = TYPE_BASE + problem.code().toLowerCase().replace('_', '-');
        return new ProblemDetails(type, problem.title(), problem.status(), problem.getMessage(), instance,
                problem.code(), problem.rule(), problem.errors(), problem.extensions());
    }

    /** Extension members sit at the top level of the problem, beside the standard ones. */
    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions == null ? Map.of() : extensions;
    }
}
