package dev.loyalty.app;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * MariaDB's data source seen as a plain {@link DataSource}, so that the pool uses local
 * transactions. The service has one database: an XA data source (which MariaDB's own class also
 * is, and which Payara picks when it can) costs XA START/END and a one-phase XA COMMIT on every
 * transaction for nothing. The pool sets the properties below by their setters. Its connections
 * send an auto-commit change only when a statement needs it ({@link DeferredAutoCommit}): the pool's
 * transactions, one after another, do not turn it off and on again around each.
 */
public class LocalMariaDbDataSource implements DataSource {

    private final MariaDbDataSource delegate = new MariaDbDataSource();

    public void setUrl(String url) throws SQLException {
        delegate.setUrl(withTimeouts(url, connectTimeoutMillis(), socketTimeoutMillis()));
    }

    /**
     * The URL with the driver's {@code connectTimeout} and {@code socketTimeout} (milliseconds)
     * added where it does not set them itself: a connection attempt to a MariaDB that does not
     * answer, and a read on a half-open connection (a relay thread waiting for ever), then fail.
     */
    static String withTimeouts(String url, long connectMillis, long socketMillis) {
        String options = "";
        if (!url.contains("connectTimeout=")) {
            options += "&connectTimeout=" + connectMillis;
        }
        if (!url.contains("socketTimeout=")) {
            options += "&socketTimeout=" + socketMillis;
        }
        if (options.isEmpty()) {
            return url;
        }
        return url + (url.contains("?") ? options : "?" + options.substring(1));
    }

    private static long connectTimeoutMillis() {
        return seconds("loyalty.db.connect-timeout-seconds", 5) * 1000;
    }

    private static long socketTimeoutMillis() {
        return seconds("loyalty.db.socket-timeout-seconds", 600) * 1000;
    }

    /**
     * A whole number of seconds (1-86,400) from the environment ({@code LOYALTY_DB_...}) or the
     * system property; the launcher refuses a bad one with a line naming it before the pool exists.
     */
    private static long seconds(String property, long fallback) {
        String env = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replaceAll("[.-]", "_"));
        String raw =
                (env != null && !env.isBlank() ? env : System.getProperty(property, String.valueOf(fallback))).strip();
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > 86_400) {
            throw new IllegalArgumentException(
                    property + " must be a whole number of seconds from 1 to 86400, got: " + raw);
        }
        return value;
    }

    public String getUrl() {
        return delegate.getUrl();
    }

    public void setUser(String user) throws SQLException {
        delegate.setUser(user);
    }

    public String getUser() {
        return delegate.getUser();
    }

    public void setPassword(String password) throws SQLException {
        delegate.setPassword(password);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DeferredAutoCommit.of(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DeferredAutoCommit.of(delegate.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used by the MariaDB driver");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
