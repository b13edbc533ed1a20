package dev.loyalty.adapters.web.limit;

import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.application.shared.RateLimitedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A limit a use case keeps (e.g. new contacts a day) as a 429 problem with {@code Retry-After} (seconds). */
@Provider
public class RateLimitedMapper implements ExceptionMapper<RateLimitedException> {

    @Override
    public Response toResponse(RateLimitedException exception) {
        Response problem = Problem.of(429, exception.code(), "Too many requests", exception.getMessage())
                .toResponse();
        return Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, exception.retryAfterSeconds())
                .build();
    }
}
