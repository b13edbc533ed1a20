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
 * stack trace, so support can find it; the client never sees internals. A database that cannot be
 * reached is a 503 {@code database-unavailable} with {@code Retry-After}.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static boolean rolledBackByTheDatabase(Throwable failure) {
        return Causes.find(failure, SQLTransactionRollbackException.class).isPresent();
    }

    /**
     * Whether the failure is a connection to the database that could not be made or was lost (the
     * driver's connection exceptions, anywhere in the chain).
     */
    static boolean databaseUnreachable(Throwable failure) {
        return Causes.find(failure, java.sql.SQLTransientConnectionException.class)
                        .isPresent()
                || Causes.find(failure, java.sql.SQLNonTransientConnectionException.class)
                        .isPresent();
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
        if (databaseUnreachable(exception)) {
            // MariaDB restarting or away: nothing was done, the client may try again shortly
            LOG.log(
                    Level.WARNING,
                    "Database unreachable: {0}",
                    exception.getClass().getName());
            return Response.fromResponse(Problem.of(
                                    503,
                                    "database-unavailable",
                                    "Service unavailable",
                                    "the database cannot be reached; nothing was changed, try again shortly")
                            .toResponse())
                    .header("Retry-After", "5")
                    .build();
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
