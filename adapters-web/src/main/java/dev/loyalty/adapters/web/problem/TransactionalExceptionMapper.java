package dev.loyalty.adapters.web.problem;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * A {@code @Transactional} method whose transaction could not be begun or completed (the database
 * lost at the commit): judged as {@link UnexpectedExceptionMapper} judges it, a 503 to retry. Jersey
 * brings its own mapper for this exception type, which answers only a {@link
 * WebApplicationException} thrown inside the transaction and rethrows anything else, so that the
 * client got a bare 500 (seen once in DatabaseRestartIT: the connection died during a purchase's
 * commit). The higher priority makes this one chosen over it, as JAX-RS chooses between mappers of
 * the same exception type.
 */
@Provider
@Priority(Priorities.USER - 1000)
public class TransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {

    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

    @Override
    public Response toResponse(TransactionalException exception) {
        return thrownInside(exception)
                .map(thrown -> new WebApplicationExceptionMapper().toResponse(thrown))
                .orElseGet(() -> unexpected.toResponse(exception));
    }

    /** The JAX-RS failure a transactional method threw, if that is what ended its transaction. */
    static Optional<WebApplicationException> thrownInside(TransactionalException exception) {
        return Causes.find(exception, WebApplicationException.class);
    }
}
