package dev.loyalty.adapters.web.problem;

import dev.loyalty.domain.shared.DomainException;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Business failures: each domain exception's code becomes the problem's code, with the HTTP status
 * that code deserves (a code not listed is a rule the request broke: 422).
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    private static final Map<String, Integer> STATUS_BY_CODE = Map.of(
            "validation-failed", 422,
            "customer-already-enrolled", 409,
            "customer-not-found", 404,
            "forbidden", 403,
            "concurrent-update", 409,
            "coupon-template-not-found", 404,
            "coupon-code-collision", 409,
            "earning-rules-missing", 409,
            "earning-rules-conflict", 409);

    @Override
    public Response toResponse(DomainException exception) {
        int status = STATUS_BY_CODE.getOrDefault(exception.code(), 422);
        List<Problem.FieldError> errors = exception instanceof InvalidValueException invalid
                ? List.of(new Problem.FieldError(invalid.field(), invalid.getMessage()))
                : List.of();
        return Problem.of(status, exception.code(), Titles.of(exception.code()), exception.getMessage(), errors)
                .toResponse();
    }
}
