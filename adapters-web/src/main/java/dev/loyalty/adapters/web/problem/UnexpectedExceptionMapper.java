package dev.loyalty.adapters.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLTransactionRollbackException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: a 500 {@code internal-error} carrying an incident id that is also logged with the
 * stack trace, so support can find it; the client never sees internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static boolean rolledBackByTheDatabase(Throwable failure) {
        return Causes.find(failure, SQLTransactionRollbackException.class).isPresent();
    }

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        var tooLarge = JsonProblems.tooLarge(exception);
        if (tooLarge.isPresent()) {
            return tooLarge.get().toResponse();
        }
        var json = JsonProblems.jsonCause(exception);
        if (json != null) {
            return JsonProblems.of(json).toResponse();
        }
        if (rolledBackByTheDatabase(exception)) {
            // a deadlock victim or a lock wait that timed out: the whole transaction was rolled back
            LOG.log(
                    Level.INFO,
                    "Transaction rolled back by the database: {0}",
                    exception.getClass().getName());
            return Problem.of(
                            409,
                            "concurrent-update",
                            "Concurrent update",
                            "another request changed the same data at the same moment; nothing was changed, try again")
                    .toResponse();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return Problem.of(
                        500,
                        "internal-error",
                        "Internal error",
                        "the service could not complete the request (incident " + incident + ")")
                .toResponse();
    }
}
