package dev.loyalty.adapters.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JSON-B failure to read a request body into a 400 problem: {@code malformed-json} when
 * the body is not JSON at all, {@code invalid-field} naming the field when a field has the wrong
 * type, an unknown name, or a value outside its set.
 */
final class JsonProblems {

    private static final Pattern PROPERTY =
            Pattern.compile("(?:property|field|Property|Field)\\s+'?\"?([A-Za-z_][A-Za-z0-9_]*)");

    private JsonProblems() {}

    /**
     * @return the 413 problem when the failure comes from a body read beyond its limit (JSON-P and
     *     JSON-B wrap the reading's failure in their own), else empty
     */
    static Optional<Problem> tooLarge(Throwable failure) {
        return Causes.find(failure, BodySizeLimit.TooLarge.class)
                .map(tooLarge -> WebApplicationExceptionMapper.forStatus(413));
    }

    static JsonbException jsonCause(Throwable failure) {
        return Causes.find(failure, JsonbException.class).orElse(null);
    }

    static Problem of(JsonbException exception) {
        if (isSyntaxError(exception)) {
            return Problem.of(400, "malformed-json", "Malformed JSON", "the request body is not valid JSON");
        }
        String field = fieldIn(exception);
        String detail = field == null
                ? "the request body does not have the expected shape"
                : "field '" + field + "' has a value of the wrong type or is not part of this request";
        return Problem.of(
                400,
                "invalid-field",
                "Invalid field",
                detail,
                List.of(new Problem.FieldError(
                        field == null ? "body" : field, "wrong type, unknown field or value not allowed")));
    }

    private static boolean isSyntaxError(Throwable failure) {
        return Causes.find(failure, JsonParsingException.class).isPresent();
    }

    /** The innermost field the JSON-B messages name, if any. */
    private static String fieldIn(Throwable failure) {
        String field = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher matcher = PROPERTY.matcher(t.getMessage());
                while (matcher.find()) {
                    field = matcher.group(1);
                }
            }
        }
        return field;
    }
}
