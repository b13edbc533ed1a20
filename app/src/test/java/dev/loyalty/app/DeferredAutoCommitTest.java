package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pool's auto-commit changes reach the session only when a statement runs, and always before it. */
class DeferredAutoCommitTest {

    /** A driver connection as MariaDB's behaves: what it sends, in order, and its session's state. */
    static final class Session {
        final List<String> sent = new ArrayList<>();
        boolean autoCommit = true;
        boolean inTransaction;

        Connection connection() {
            return (Connection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getAutoCommit":
                                return autoCommit;
                            case "setAutoCommit":
                                boolean on = (Boolean) args[0];
                                if (on != autoCommit) {
                                    sent.add("set autocommit=" + (on ? 1 : 0));
                                    autoCommit = on;
                                    inTransaction = false;
                                }
                                return null;
                            case "commit":
                            case "rollback":
                                if (inTransaction) {
                                    sent.add(method.getName().toUpperCase(java.util.Locale.ROOT));
                                    inTransaction = false;
                                }
                                return null;
                            case "prepareStatement":
                                return statement(PreparedStatement.class, (String) args[0]);
                            case "createStatement":
                                return statement(Statement.class, null);
                            case "getMetaData":
                                return Proxy.newProxyInstance(
                                        getClass().getClassLoader(),
                                        new Class<?>[] {DatabaseMetaData.class},
                                        (p, m, a) -> null);
                            default:
                                return null;
                        }
                    });
        }

        private Object statement(Class<?> type, String prepared) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                if (method.getName().startsWith("execute")) {
                    String sql = prepared != null ? prepared : (String) args[0];
                    sent.add(sql + (autoCommit ? " [autocommit]" : " [in transaction]"));
                    inTransaction = !autoCommit && !sql.equals("SELECT '1'");
                    return method.getReturnType() == boolean.class ? Boolean.FALSE : 1;
                }
                return null;
            });
        }
    }

    private final Session session = new Session();

    /** As Payara's local transaction does it: off at the start, commit, on again. */
    private static void transaction(Connection connection, String sql) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    @Test
    void transactionsOneAfterAnotherSendTheModeOnce() throws SQLException {
        Connection connection = DeferredAutoCommit.of(session.connection());

        transaction(connection, "UPDATE a");
        transaction(connection, "UPDATE b");
        transaction(connection, "UPDATE c");

        assertThat(session.sent)
                .containsExactly(
                        "set autocommit=0",
                        "UPDATE a [in transaction]",
                        "COMMIT",
                        "UPDATE b [in transaction]",
                        "COMMIT",
                        "UPDATE c [in transaction]",
                        "COMMIT");
        assertThat(connection.getAutoCommit()).isTrue();
    }

    @Test
    void aStatementOutsideATransactionRunsWithAutoCommitAsAsked() throws SQLException {
        Connection connection = DeferredAutoCommit.of(session.connection());
        transaction(connection, "UPDATE a");

        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM x");
        }

        assertThat(session.sent)
                .containsExactly(
                        "set autocommit=0",
                        "UPDATE a [in transaction]",
                        "COMMIT",
                        "set autocommit=1",
                        "DELETE FROM x [autocommit]");
    }

    @Test
    void aStatementKeptAcrossTheTransactionsEndRunsInTheModeAskedLast() throws SQLException {
        Connection connection = DeferredAutoCommit.of(session.connection());
        connection.setAutoCommit(false);
        PreparedStatement kept = connection.prepareStatement("UPDATE kept");
        kept.executeUpdate();
        connection.commit();
        connection.setAutoCommit(true);

        kept.executeUpdate();

        assertThat(session.sent).endsWith("set autocommit=1", "UPDATE kept [autocommit]");
    }

    @Test
    void turningAutoCommitOnCommitsWhatIsPending() throws SQLException {
        Connection connection = DeferredAutoCommit.of(session.connection());
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement("UPDATE a")) {
            statement.executeUpdate();
        }

        connection.setAutoCommit(true);

        assertThat(session.sent).containsExactly("set autocommit=0", "UPDATE a [in transaction]", "COMMIT");
        assertThat(session.inTransaction).isFalse();
    }

    @Test
    void theMetadataAndTheDriversOwnObjectsSeeTheModeAskedFor() throws SQLException {
        Connection connection = DeferredAutoCommit.of(session.connection());
        transaction(connection, "UPDATE a");

        connection.getMetaData();

        assertThat(session.sent).endsWith("set autocommit=1");
        assertThat(session.autoCommit).isTrue();

        connection.setAutoCommit(false);
        Statement statement = connection.createStatement();
        statement.unwrap(Statement.class);
        assertThat(session.autoCommit).isTrue();
        statement.unwrap(PreparedStatement.class);
        assertThat(session.autoCommit).isFalse();
    }

    @Test
    void thePoolsValidationChangesNothing() throws SQLException {
        Connection connection = DeferredAutoCommit.of(session.connection());
        transaction(connection, "UPDATE a");

        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT '1'");
        }
        transaction(connection, "UPDATE b");

        assertThat(session.sent)
                .containsExactly(
                        "set autocommit=0",
                        "UPDATE a [in transaction]",
                        "COMMIT",
                        "SELECT '1' [in transaction]",
                        "UPDATE b [in transaction]",
                        "COMMIT");
    }

    @Test
    void aConnectionIsEqualToItselfOnly() throws SQLException {
        Connection connection = DeferredAutoCommit.of(session.connection());
        Connection other = DeferredAutoCommit.of(new Session().connection());

        assertThat(connection).isEqualTo(connection).isNotEqualTo(other);
        assertThat(connection.hashCode()).isEqualTo(System.identityHashCode(connection));
        assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
        Statement statement = connection.createStatement();
        assertThat(statement.getConnection()).isSameAs(connection);
    }
}
