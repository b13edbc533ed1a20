package dev.loyalty.adapters.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body JSON-B cannot bind, when the runtime lets the binding failure through unwrapped. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException exception) {
        return JsonProblems.tooLarge(exception)
                .orElseGet(() -> JsonProblems.of(exception))
                .toResponse();
    }
}
