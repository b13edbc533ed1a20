package dev.loyalty.adapters.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** Which failures a till is told to retry (503) rather than shown an internal error (500). */
class DatabaseFailuresTest {

    @Test
    void aLostConnectionIsUnreachableWhereverItSitsInTheChain() {
        var lost = new PersistenceException(
                "Exception [EclipseLink-4002]",
                new SQLNonTransientConnectionException("(conn=7) Connection is closed"));
        assertThat(UnexpectedExceptionMapper.databaseUnreachable(lost)).isTrue();
    }

    @Test
    void anSqlStateOfTheConnectionClassIsUnreachableWhateverTheExceptionClass() {
        var shutdown = new PersistenceException(new SQLException("Server shutdown in progress", "08S01", 1053));
        assertThat(UnexpectedExceptionMapper.databaseUnreachable(shutdown)).isTrue();
    }

    @Test
    void aCommitThatFailedOnTheResourceIsAnUnknownOutcomeNotAnInternalError() {
        // what Payara throws when the connection dies at the commit: the driver's exception survives
        // only as the text of an XAException, under the interceptor's TransactionalException
        var xa = new XAException("jakarta.resource.spi.LocalTransactionException: (conn=7) Connection is closed");
        var rollback = new RollbackException("commit failed");
        rollback.initCause(xa);
        var commit = new TransactionalException("encountered exception during commit", rollback);
        assertThat(UnexpectedExceptionMapper.databaseUnreachable(commit)).isFalse();
        assertThat(UnexpectedExceptionMapper.transactionOutcomeUnknown(commit)).isTrue();
        assertThat(UnexpectedExceptionMapper.transactionOutcomeUnknown(
                        new TransactionalException("rollback failed", new SystemException("resource"))))
                .isTrue();
    }

    @Test
    void aLockWaitThatTimedOutIsAConcurrentUpdateLikeADeadlock() {
        var timedOut = new PersistenceException(
                "Exception [EclipseLink-4002]",
                new SQLException("(conn=12) Lock wait timeout exceeded; try restarting transaction", "HY000", 1205));
        assertThat(UnexpectedExceptionMapper.rolledBackByTheDatabase(timedOut)).isTrue();
        assertThat(UnexpectedExceptionMapper.databaseUnreachable(timedOut)).isFalse();
        assertThat(UnexpectedExceptionMapper.rolledBackByTheDatabase(new PersistenceException(
                        new java.sql.SQLTransactionRollbackException("Deadlock found", "40001", 1213))))
                .isTrue();
    }

    @Test
    void otherFailuresStayInternalErrors() {
        var bug = new IllegalStateException("a bug", new SQLException("Unknown column 'x'", "42S22", 1054));
        assertThat(UnexpectedExceptionMapper.databaseUnreachable(bug)).isFalse();
        assertThat(UnexpectedExceptionMapper.transactionOutcomeUnknown(bug)).isFalse();
        assertThat(UnexpectedExceptionMapper.rolledBackByTheDatabase(bug)).isFalse();
        assertThat(UnexpectedExceptionMapper.databaseUnreachable(new NullPointerException()))
                .isFalse();
    }
}
