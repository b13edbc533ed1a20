package dev.loyalty.adapters.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation failures of a request: 422 {@code validation-failed} naming every offending field
 * by its JSON path (the resource method and parameter are left out of the path).
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.isEmpty()
                ? "the request is not valid"
                : errors.stream()
                        .map(e -> e.field() + " " + e.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElseThrow();
        return Problem.of(422, "validation-failed", "Validation failed", detail, errors)
                .toResponse();
    }

    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> names.clear();
                case PARAMETER -> names.clear();
                default -> {
                    if (node.getName() != null) {
                        names.add(
                                node.getIndex() == null
                                        ? node.getName()
                                        : node.getName() + "[" + node.getIndex() + "]");
                    }
                }
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }
}
