package cn.zhicheng.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Problems carry extension members at the top level of the RFC 9457 body. */
class ProblemTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void anExtensionMemberSitsBesideTheStandardOnes() throws Exception {
        Problem problem = Problem.rule("R20", 422, "INTEGRITY_BAN", "Banned", "Banned until 2031-05-01.")
                .with("banEndsOn", LocalDate.of(2031, 5, 1));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(json.writeValueAsString(ProblemDetails.of(problem, "/x")),
                Map.class);
        assertEquals("INTEGRITY_BAN", body.get("code"));
        assertEquals("R20", body.get("rule"));
        assertEquals("2031-05-01", body.get("banEndsOn"));
        assertFalse(body.containsKey("extensions"));
        assertFalse(body.containsKey("members"));
    }

    @Test
    void fieldErrorsKeepTheExtensions() {
        Problem problem = Problem.badRequest("X", "t", "d").with("a", 1)
                .withErrors(List.of(new Problem.FieldError("f", "m")));
        assertEquals(1, problem.extensions().get("a"));
        assertEquals(1, problem.errors().size());
    }

    @Test
    void aRetryAfterInTheProblemIsAlsoTheRetryAfterHeader() {
        var response = new ProblemMapper().problem(Problem.of(503, "SIGNER_THROTTLED", "Busy", "Try later.")
                .with("retryAfterSeconds", 3L), null);
        assertEquals(503, response.getStatus());
        assertEquals("3", response.getHeaderString("Retry-After"));
    }
}
