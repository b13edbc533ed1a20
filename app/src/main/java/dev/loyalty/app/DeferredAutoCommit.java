package dev.loyalty.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * A pooled connection whose auto-commit mode reaches MariaDB only when a statement needs it. The
 * pool's local transactions turn auto-commit off at their start and on again after their commit or
 * rollback: two {@code SET autocommit} round trips per transaction, whose only effect is on the
 * next statement. Here a change is remembered and sent just before the next statement that runs in
 * the session, so a connection used for one transaction after another stays with auto-commit off
 * and sends neither; one used outside a transaction next gets auto-commit on before its first
 * statement, as it asked. {@link #getAutoCommit()} answers the mode asked for.
 *
 * <p>Invariants: every statement executes in the mode asked for last - applied before any execution
 * of a statement created here (whenever it was created), before the database metadata is read, before
 * a statement or connection is unwrapped to the driver's own class; turning auto-commit on commits
 * what is pending first, as JDBC requires. Only a statement that reads no table - the pool's
 * validation, {@code SELECT '1'} - runs in whichever mode the session is in: it neither reads nor
 * locks anything a transaction could see.
 */
final class DeferredAutoCommit implements InvocationHandler {

    /** Connection methods that neither run a statement nor depend on the session's auto-commit. */
    private static final Set<String> LOCAL = Set.of(
            "close",
            "isClosed",
            "isValid",
            "abort",
            "isWrapperFor",
            "getWarnings",
            "clearWarnings",
            "getTransactionIsolation",
            "setTransactionIsolation",
            "getHoldability",
            "isReadOnly",
            "getCatalog",
            "getSchema",
            "getNetworkTimeout",
            "setNetworkTimeout",
            "getClientInfo",
            "setClientInfo",
            "getTypeMap",
            "nativeSQL",
            "createStatement",
            "prepareStatement",
            "prepareCall",
            "commit",
            "rollback",
            "toString");

    private final Connection delegate;

    /** The mode asked for last. */
    private volatile boolean wanted;

    private DeferredAutoCommit(Connection delegate) throws SQLException {
        this.delegate = delegate;
        this.wanted = delegate.getAutoCommit();
    }

    /** The connection, its auto-commit changes sent only when a statement needs them. */
    static Connection of(Connection connection) throws SQLException {
        return (Connection) Proxy.newProxyInstance(
                DeferredAutoCommit.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new DeferredAutoCommit(connection));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        Object identity = identity(proxy, method, args);
        if (identity != null) {
            return identity;
        }
        if (name.equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
            return proxy;
        }
        if (name.equals("getAutoCommit") && args == null) {
            return wanted;
        }
        if (name.equals("setAutoCommit") && args != null && args.length == 1) {
            boolean on = (Boolean) args[0];
            if (on && !wanted) {
                // the transaction in progress ends here, as JDBC says a change of mode does; the driver
                // sends COMMIT only when the session has one open
                delegate.commit();
            }
            wanted = on;
            return null;
        }
        if (name.equals("rollback") && args != null && args.length == 1) {
            apply();
        } else if (!LOCAL.contains(name)) {
            // unwrap, getMetaData, savepoints, setReadOnly, setCatalog...: the session as asked first
            apply();
        }
        Object result = call(delegate, method, args);
        if (result instanceof Statement statement && !name.equals("unwrap")) {
            return statement(statement, (Connection) proxy);
        }
        return result;
    }

    /** A proxy is equal to itself only (a pool may keep its connections in sets); else {@code null}. */
    private static Object identity(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> args != null && args.length == 1 ? proxy == args[0] : null;
            case "hashCode" -> args == null ? System.identityHashCode(proxy) : null;
            default -> null;
        };
    }

    /** Sends the mode asked for, if the session is not in it (the driver knows its session's mode). */
    private void apply() throws SQLException {
        boolean on = wanted;
        if (delegate.getAutoCommit() != on) {
            delegate.setAutoCommit(on);
        }
    }

    private Statement statement(Statement statement, Connection connection) {
        Class<?> type = statement instanceof CallableStatement
                ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(
                DeferredAutoCommit.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                    String name = method.getName();
                    Object identity = identity(proxy, method, args);
                    if (identity != null) {
                        return identity;
                    }
                    if (name.equals("getConnection") && args == null) {
                        return connection;
                    }
                    if (name.equals("unwrap") && args[0] instanceof Class<?> asked && asked.isInstance(proxy)) {
                        return proxy;
                    }
                    if ((name.startsWith("execute") && !readsNoTable(method, args)) || name.equals("unwrap")) {
                        apply();
                    }
                    return call(statement, method, args);
                });
    }

    /** The pool's validation query: a constant, no table. */
    private static boolean readsNoTable(Method method, Object[] args) {
        if (args == null || args.length != 1 || !(args[0] instanceof String sql)) {
            return false;
        }
        String query = sql.strip().toUpperCase(Locale.ROOT);
        return (method.getName().equals("execute") || method.getName().equals("executeQuery"))
                && (query.equals("SELECT '1'") || query.equals("SELECT 1"));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
