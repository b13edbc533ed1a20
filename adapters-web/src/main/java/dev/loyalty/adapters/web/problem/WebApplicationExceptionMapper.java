package dev.loyalty.adapters.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Failures the JAX-RS runtime raises (no such path, wrong method, media type, unreadable body) as
 * problems; an unreadable JSON body is told apart from other bad requests.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        var tooLarge = JsonProblems.tooLarge(exception);
        if (tooLarge.isPresent()) {
            return tooLarge.get().toResponse();
        }
        JsonbException json = JsonProblems.jsonCause(exception);
        if (json != null) {
            return JsonProblems.of(json).toResponse();
        }
        if (exception.getCause() instanceof NoContentException) {
            return Problem.of(
                            400,
                            "malformed-json",
                            "Malformed JSON",
                            "the request body is empty; send a JSON object",
                            List.of(new Problem.FieldError("body", "must not be empty")))
                    .toResponse();
        }
        return forStatus(exception.getResponse().getStatus()).toResponse();
    }

    /** The problem the platform gives for a bare HTTP error status. */
    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad request", "the request could not be understood");
            case 401 -> Problem.of(
                    401,
                    "unauthorized",
                    "Unauthorized",
                    "a valid bearer token is required (Authorization: Bearer <JWT>)");
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "this token's role may not do this");
            case 404 -> Problem.of(404, "not-found", "Not found", "there is nothing at this address");
            case 405 -> Problem.of(
                    405, "method-not-allowed", "Method not allowed", "this address does not accept this HTTP method");
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable", "the API answers application/json only");
            case 413 -> Problem.of(413, "payload-too-large", "Payload too large", "the request body is too large");
            case 415 -> Problem.of(
                    415, "unsupported-media-type", "Unsupported media type", "send the body as application/json");
            default -> status >= 500
                    ? Problem.of(
                            status, "internal-error", "Internal error", "the service could not complete the request")
                    : Problem.of(
                            status,
                            "http-" + status,
                            "HTTP " + status,
                            "the request failed with HTTP status " + status);
        };
    }
}
