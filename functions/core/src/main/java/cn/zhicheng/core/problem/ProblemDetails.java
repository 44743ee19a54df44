package cn.zhicheng.core.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The RFC 9457 body every error response carries. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetails(String type, String title, int status, String detail, String instance, String code,
        String rule, List<Problem.FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://zhicheng.cn/problems/";

    static ProblemDetails of(Problem problem, String instance) {
        String type = TYPE_BASE + problem.code().toLowerCase().replace('_', '-');
        return new ProblemDetails(type, problem.title(), problem.status(), problem.getMessage(), instance,
                problem.code(), problem.rule(), problem.errors());
    }
}
