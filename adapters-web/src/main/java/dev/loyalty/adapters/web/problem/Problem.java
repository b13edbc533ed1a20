package dev.loyalty.adapters.web.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document with the platform's stable {@code code} extension and, for
 * validation failures, the offending fields.
 *
 * @param type a URI naming the problem type (derived from the code)
 * @param title a short summary of the type
 * @param status the HTTP status
 * @param detail what went wrong in this occurrence, for a human
 * @param code the stable machine-readable code (kebab-case)
 * @param errors the fields at fault, empty when none is
 * @param path for a bad segment condition, the JSON path of the bad node (e.g. {@code $.all[2].metric}); else absent
 */
public record Problem(
        String type, String title, int status, String detail, String code, List<FieldError> errors, String path) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem("urn:problem-type:loyalty:" + code, title, status, detail, code, List.of(), null);
    }

    public static Problem of(int status, String code, String title, String detail, List<FieldError> errors) {
        return new Problem("urn:problem-type:loyalty:" + code, title, status, detail, code, errors, null);
    }

    /** @return this problem naming the JSON path of the bad node */
    public Problem withPath(String badNode) {
        return new Problem(type, title, status, detail, code, errors, badNode);
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }

    /** One field at fault: its JSON name (dotted for nested fields) and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
