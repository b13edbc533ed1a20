package dev.loyalty.adapters.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import java.util.Set;

/**
 * The items of a batch request (purchases, events) are judged as their own requests would be: each
 * validated as a request body is, and a refusal answered with the problem the service's exception
 * mappers make of it, so an item's answer is the one its single request would get.
 */
public final class BatchItems {

    private BatchItems() {}

    /** Validates the item as Jersey validates a request body, failing as it would. */
    public static <T> void validate(Validator validator, T item) {
        Set<ConstraintViolation<T>> violations = validator.validate(item);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /** @return the answer the service's mappers make of the failure (rethrown when none maps it) */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Response refusal(Providers providers, RuntimeException failure) {
        ExceptionMapper mapper = providers.getExceptionMapper(failure.getClass());
        if (mapper == null) {
            throw failure;
        }
        return mapper.toResponse(failure);
    }
}
