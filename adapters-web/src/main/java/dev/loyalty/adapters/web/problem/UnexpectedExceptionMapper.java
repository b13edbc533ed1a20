package dev.loyalty.adapters.web.problem;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;

/**
 * Anything else: a 500 {@code internal-error} carrying an incident id that is also logged with the
 * stack trace, so support can find it; the client never sees internals. A database that cannot be
 * reached, or a transaction the database could not complete, is a 503 {@code database-unavailable}
 * with {@code Retry-After}.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    /**
     * Whether the database gave up on the transaction's statement for another's locks: a deadlock
     * victim, or a lock wait that timed out (MariaDB's error 1205, which the driver reports as a plain
     * {@link SQLException}); either way the request's transaction is rolled back, nothing changed.
     */
    static boolean rolledBackByTheDatabase(Throwable failure) {
        return Causes.find(failure, SQLTransactionRollbackException.class).isPresent()
                || Causes.find(failure, SQLException.class)
                        .filter(sql -> sql.getErrorCode() == LOCK_WAIT_TIMEOUT)
                        .isPresent();
    }

    /** MariaDB's ER_LOCK_WAIT_TIMEOUT. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    /**
     * Whether the failure is a connection to the database that could not be made or was lost (the
     * driver's connection exceptions, anywhere in the chain).
     */
    static boolean databaseUnreachable(Throwable failure) {
        return Causes.find(failure, java.sql.SQLTransientConnectionException.class)
                        .isPresent()
                || Causes.find(failure, java.sql.SQLNonTransientConnectionException.class)
                        .isPresent()
                || Causes.find(failure, SQLException.class)
                        .filter(sql ->
                                sql.getSQLState() != null && sql.getSQLState().startsWith(CONNECTION_SQL_STATE_CLASS))
                        .isPresent();
    }

    /**
     * Whether the transaction manager could not complete the transaction: its commit or rollback
     * failed on the resource. Here the only resource is the database, and this is what a connection
     * lost at the commit looks like: Payara turns the driver's failure into an {@link XAException}
     * that keeps only its text, inside a {@link RollbackException} or {@link SystemException}, and
     * the {@code @Transactional} interceptor wraps that in a {@link TransactionalException}. A
     * connection that could not be enlisted after a reconnect looks the same ("Error in allocating a
     * connection. Cause: Got exception during XAResource.start", seen in DatabaseRestartIT). The
     * outcome is unknown to the service, so the client must send the same request again (every
     * write here is idempotent by its key), never be told of an internal error.
     */
    static boolean transactionOutcomeUnknown(Throwable failure) {
        return Causes.find(failure, XAException.class).isPresent()
                || Causes.find(failure, RollbackException.class).isPresent()
                || Causes.find(failure, HeuristicMixedException.class).isPresent()
                || Causes.find(failure, HeuristicRollbackException.class).isPresent()
                || Causes.find(failure, SystemException.class).isPresent();
    }

    /** SQLSTATE class 08: connection exception (lost, refused, server shutting down). */
    private static final String CONNECTION_SQL_STATE_CLASS = "08";

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
        if (transactionOutcomeUnknown(exception)) {
            // the stack is kept: a failed commit that is not the database going away must be found
            LOG.log(Level.WARNING, "Transaction could not be completed; answered 503 to retry", exception);
            return Response.fromResponse(Problem.of(
                                    503,
                                    "database-unavailable",
                                    "Service unavailable",
                                    "the database connection failed while the change was being made; send the"
                                            + " same request again shortly: it is applied once")
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
