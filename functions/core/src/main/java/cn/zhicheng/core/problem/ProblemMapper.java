package cn.zhicheng.core.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place that turns every failure into an RFC 9457 problem response. */
public class ProblemMapper {

    /** The problem member of a refusal that may be retried later; it is also sent as {@code Retry-After}. */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(Problem problem, UriInfo uri) {
        return respond(problem, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(Problem.validation(errors), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String message = e instanceof InvalidFormatException
                    ? "has the wrong type or format"
                    : "has the wrong type";
            return respond(Problem.badRequest("MALFORMED_JSON", "Malformed request body",
                    "The field '" + field + "' " + message + ".")
                    .withErrors(List.of(new Problem.FieldError(field, message))), uri);
        }
        String detail = e instanceof JsonMappingException
                ? "The request body does not match the expected shape."
                : "The request body is not valid JSON.";
        return respond(Problem.badRequest("MALFORMED_JSON", "Malformed request body", detail), uri);
    }

    /** Quarkus maps this type itself; naming it here keeps wrong-typed fields in the problem format. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return respond(unauthenticated(), uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(unauthenticated(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "FORBIDDEN", "Forbidden", "Your role may not do this."), uri);
    }

    @ServerExceptionMapper
    public Response stale(OptimisticLockException e, UriInfo uri) {
        return respond(staleVersion(), uri);
    }

    @ServerExceptionMapper
    public Response stale(StaleStateException e, UriInfo uri) {
        return respond(staleVersion(), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Problem problem = switch (e) {
            case NotFoundException ignored -> Problem.notFound("NOT_FOUND", "There is nothing at this address.");
            case NotAllowedException ignored -> Problem.of(405, "METHOD_NOT_ALLOWED", "Method not allowed",
                    "This address does not accept that method.");
            case NotSupportedException ignored -> Problem.of(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                    "Send the request body as application/json.");
            default -> e.getCause() instanceof JsonProcessingException
                    ? null
                    : Problem.of(status, "HTTP_" + status, Response.Status.fromStatusCode(status) == null
                            ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage());
        };
        if (problem == null) {
            return unreadable((JsonProcessingException) e.getCause(), uri);
        }
        return respond(problem, uri);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Exception e, UriInfo uri) {
        // a commit that lost a race surfaces wrapped (ArcUndeclaredThrowableException, RollbackException): it is
        // still someone else's change first, a 409, not our failure
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof Problem problem) {
                return respond(problem, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return respond(staleVersion(), uri);
            }
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(Problem.of(500, "INTERNAL_ERROR", "Internal error",
                "Something went wrong on our side; nothing was changed. Try again later."), uri);
    }

    private static Problem unauthenticated() {
        return Problem.of(401, "UNAUTHENTICATED", "Sign-in required", "Sign in to use this service.");
    }

    private static Problem staleVersion() {
        return Problem.conflict("STALE_VERSION", "Changed by someone else",
                "The record was changed by someone else since you loaded it; reload and try again.");
    }

    private static Response respond(Problem problem, UriInfo uri) {
        ProblemDetails body = ProblemDetails.of(problem, uri == null ? null : uri.getPath());
        Response.ResponseBuilder builder = Response.status(problem.status()).type(ProblemDetails.MEDIA_TYPE).entity(body);
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        // a rate limit's wait, for clients that read the header rather than the body
        if (problem.extensions().get(RETRY_AFTER_SECONDS) instanceof Number seconds) {
            builder.header("Retry-After", seconds.longValue());
        }
        return builder.build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node.getName();
        }
        return last == null ? "" : last;
    }
}
