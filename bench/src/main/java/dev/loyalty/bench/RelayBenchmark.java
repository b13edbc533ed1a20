package dev.loyalty.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The message relay's throughput: two service instances on one MariaDB send {@code bench.messages}
 * SMS through a local server answering like Twilio's Messages API at once. The messages are
 * written straight into the outbox, all due at the same instant, so that only the relay is
 * measured (not the API that queues them): from that instant to the last one SENT. Also counts
 * what the gateway received twice (it should be nothing), the statements per message and the CPU of
 * each process over that time (the instances, MariaDB, this JVM: the gateway) with the load average.
 * Options: {@code -Dbench.messages=20000 -Dbench.customers=200 -Dbench.workers=8 -Dbench.batch=20
 * -Dbench.instances=2 -Dbench.env.NAME=value -Dbench.jar=... -Dbench.readyMinutes=10}; with {@code
 * -Dbench.jarB=...} the same run then measures that jar too, on the same database (new messages),
 * and prints B/A.
 */
public final class RelayBenchmark {

    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("ch.vorburger"), Logger.getLogger("org.mariadb"));

    private RelayBenchmark() {}

    public static void main(String[] args) throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        Path jar = Path.of(System.getProperty("bench.jar"));
        int messages = Integer.getInteger("bench.messages", 20_000);
        int customers = Integer.getInteger("bench.customers", 200);
        String workers = System.getProperty("bench.workers", "8");
        String batch = System.getProperty("bench.batch", "20");
        int instances = Integer.getInteger("bench.instances", 2);
        if (instances < 1 || instances > 4) {
            throw new IllegalArgumentException("bench.instances must be 1..4");
        }
        Path work = Files.createDirectories(
                Path.of(System.getProperty("bench.workRoot")).resolve("relay-" + System.currentTimeMillis()));
        AtomicLong requests = new AtomicLong();
        Set<String> tokens = ConcurrentHashMap.newKeySet();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        gateway.setExecutor(Executors.newFixedThreadPool(16));
        gateway.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                requests.incrementAndGet();
                String token = exchange.getRequestHeaders().getFirst("I-Twilio-Idempotency-Token");
                tokens.add(token == null ? UUID.randomUUID().toString() : token);
                byte[] answer = ("{\"sid\": \"SM" + UUID.randomUUID().toString().replace("-", "")
                                + "\", \"status\": \"queued\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        gateway.start();
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "LOYALTY_SMS_PROVIDER", "twilio",
                "LOYALTY_SMS_TWILIO_BASE_URL",
                        "http://127.0.0.1:" + gateway.getAddress().getPort(),
                "LOYALTY_SMS_TWILIO_ACCOUNT_SID", "ACbench",
                "LOYALTY_SMS_TWILIO_AUTH_TOKEN", "bench",
                "LOYALTY_SMS_FROM", "+15005550006",
                "LOYALTY_MESSAGING_RELAY_WORKERS", workers,
                "LOYALTY_MESSAGING_RELAY_BATCH", batch));
        // any other service variable: -Dbench.env.NAME=value (e.g. LOYALTY_MESSAGING_RELAY_SENDS)
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("bench.env."))
                .forEach(name -> env.put(name.substring("bench.env.".length()), System.getProperty(name)));
        Path dbHome = work.resolve("mariadb");
        Optional<Path> jarB =
                Optional.ofNullable(System.getProperty("bench.jarB")).map(Path::of);
        try (BenchDatabase database = BenchDatabase.start(Path.of(System.getProperty("bench.mariadbBase")), dbHome)) {
            List<String> ids = new ArrayList<>();
            Result first = measure(
                    "A", jar, work, database, dbHome, env, instances, ids, customers, messages, requests, tokens);
            System.out.println(first.describe());
            if (jarB.isPresent()) {
                // the same run, the same database: the other jar's instances relay as many new messages
                Result second = measure(
                        "B",
                        jarB.get(),
                        work,
                        database,
                        dbHome,
                        env,
                        instances,
                        ids,
                        customers,
                        messages,
                        requests,
                        tokens);
                System.out.println(second.describe());
                System.out.printf(
                        "B/A                  throughput %.2f, service CPU per message %.2f, MariaDB CPU per message %.2f,"
                                + " statements per message %.2f%n",
                        second.rate() / first.rate(),
                        second.serviceMs() / first.serviceMs(),
                        second.databaseMs() / first.databaseMs(),
                        second.statements() / first.statements());
            }
            System.out.printf(
                    "machine              %d cores, JDK %s; load generator, the instances and MariaDB share it%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        } finally {
            gateway.stop(0);
            ((java.util.concurrent.ExecutorService) gateway.getExecutor()).shutdownNow();
        }
    }

    /** One measurement's figures and how it printed them. */
    private record Result(String text, double rate, double serviceMs, double databaseMs, double statements) {
        String describe() {
            return text;
        }
    }

    /**
     * Starts the instances of {@code jar}, enrols the customers (the first time), queues the
     * messages due at one instant and times the relays up to the last one SENT; stops the instances.
     */
    private static Result measure(
            String label,
            Path jar,
            Path work,
            BenchDatabase database,
            Path dbHome,
            Map<String, String> env,
            int instances,
            List<String> ids,
            int customers,
            int messages,
            AtomicLong requests,
            Set<String> tokens)
            throws Exception {
        List<ServiceProcess> services = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                String name = label.toLowerCase(java.util.Locale.ROOT) + (char) ('a' + i);
                services.add(ServiceProcess.start(
                        jar,
                        Files.createDirectories(work.resolve(name)),
                        freePort(),
                        database.url(),
                        work.resolve(name + ".log"),
                        env));
            }
            Duration readyLimit = Duration.ofMinutes(Long.getLong("bench.readyMinutes", 10));
            for (int i = 0; i < instances; i++) {
                System.out.printf(
                        "%s: instance %c ready in %d s (load %s)%n",
                        label,
                        (char) ('a' + i),
                        services.get(i)
                                .awaitReady(new Api(services.get(i).port()), readyLimit)
                                .toSeconds(),
                        CpuClock.loadAverage());
            }
            if (ids.isEmpty()) {
                Api apiA = new Api(services.get(0).port());
                Tokens tokensOfA = Tokens.mint(jar, work.resolve(label.toLowerCase(java.util.Locale.ROOT) + "a"));
                for (int i = 0; i < customers; i++) {
                    Api.Response enrolled = apiA.post(
                            "/api/v1/customers",
                            tokensOfA.admin(),
                            "{\"firstName\": \"Bench\", \"phone\": \"+3934" + String.format("%08d", i)
                                    + "\", \"preferredChannel\": \"SMS\", \"consents\": {\"marketingSms\": true},"
                                    + " \"enrolmentChannel\": \"WEB\"}",
                            null);
                    if (enrolled.status() != 201) {
                        throw new IllegalStateException("enrolment failed: " + enrolled.shortBody());
                    }
                    ids.add(enrolled.body().replaceAll(".*\"customerId\":\"([^\"]+)\".*", "$1"));
                }
            }
            String cause = "bench-" + label + ":";
            Instant due = Instant.now().plusSeconds(20);
            try (Connection connection = database.connect()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO message (id, customer_id,"
                        + " cause, requested_channel, channel, kind, priority, template, template_values, store_id,"
                        + " status, reason, attempts, leases, next_attempt_at, counted_at, provider_id, created_at,"
                        + " sent_at, updated_at) VALUES (?, ?, ?, 'SMS', 'SMS', 'TRANSACTIONAL', 0,"
                        + " 'Ciao {firstName}, il tuo codice {couponCode}', 'couponCode=K7P2QX9M4', NULL, 'QUEUED',"
                        + " NULL, 0, 0, ?, NULL, NULL, ?, NULL, ?)")) {
                    Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(due, ZoneOffset.UTC));
                    for (int i = 0; i < messages; i++) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, ids.get(i % ids.size()));
                        insert.setString(3, cause + i);
                        insert.setTimestamp(4, at);
                        insert.setTimestamp(5, at);
                        insert.setTimestamp(6, at);
                        insert.addBatch();
                        if (i % 1000 == 999) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                connection.commit();
                connection.setAutoCommit(true);
                System.out.printf("%s: %d messages queued, due at %s%n", label, messages, due);
                while (Instant.now().isBefore(due)) {
                    Thread.sleep(Math.max(
                            1,
                            Math.min(250, Duration.between(Instant.now(), due).toMillis())));
                }
                // the relays' work from the instant the messages are due: CPU of each process, statements
                List<CpuClock> before = new ArrayList<>();
                for (ServiceProcess service : services) {
                    before.add(CpuClock.read(service.pid(), dbHome));
                }
                long requestsBefore = requests.get();
                int tokensBefore = tokens.size();
                long statementsBefore = database.statements();
                String loadBefore = CpuClock.loadAverage();
                long sent = 0;
                Instant deadline = due.plus(Duration.ofMinutes(10));
                while (sent < messages && Instant.now().isBefore(deadline)) {
                    Thread.sleep(250);
                    try (PreparedStatement count = connection.prepareStatement(
                            "SELECT COUNT(*) FROM message WHERE status = 'SENT' AND cause LIKE ?")) {
                        count.setString(1, cause + "%");
                        try (ResultSet rows = count.executeQuery()) {
                            rows.next();
                            sent = rows.getLong(1);
                        }
                    }
                }
                Instant done = Instant.now();
                List<CpuClock> used = new ArrayList<>();
                for (int i = 0; i < services.size(); i++) {
                    used.add(CpuClock.read(services.get(i).pid(), dbHome).since(before.get(i)));
                }
                long statements = database.statements() - statementsBefore;
                String loadAfter = CpuClock.loadAverage();
                double seconds = Duration.between(due, done).toMillis() / 1000.0;
                double serviceCpu =
                        used.stream().mapToLong(c -> c.service().toMillis()).sum() / 1e3;
                double databaseCpu = used.get(0).database().toMillis() / 1e3;
                double gatewayCpu = used.get(0).client().toMillis() / 1e3;
                long perMessage = Math.max(1, sent);
                StringBuilder perService = new StringBuilder();
                for (int i = 0; i < used.size(); i++) {
                    perService.append(String.format(
                            "%s%c %.1f s",
                            i == 0 ? "" : ", ",
                            (char) ('a' + i),
                            used.get(i).service().toMillis() / 1e3));
                }
                long received = requests.get() - requestsBefore;
                int distinct = tokens.size() - tokensBefore;
                StringBuilder text = new StringBuilder();
                text.append(String.format(
                        "%n== Relay benchmark %s (%s): %d instance(s), %s relay workers each, batches of %s,"
                                + " local Twilio-shaped gateway ==%n",
                        label,
                        jar,
                        instances,
                        env.get("LOYALTY_MESSAGING_RELAY_WORKERS"),
                        env.get("LOYALTY_MESSAGING_RELAY_BATCH")));
                text.append(String.format("messages SENT        %d of %d%n", sent, messages));
                text.append(String.format(
                        "time                 %.1f s (from the instant they were due; +-0.25 s)%n", seconds));
                text.append(String.format("throughput           %.1f messages/s%n", sent / seconds));
                text.append(String.format(
                        "gateway requests     %d (distinct messages %d, repeats %d)%n",
                        received, distinct, received - distinct));
                text.append(String.format(
                        "statements           %.2f per message (MariaDB's Questions, this poll's 4/s included)%n",
                        (double) statements / perMessage));
                text.append(String.format(
                        "CPU                  service %.1f s (%s), MariaDB %.1f s, gateway+bench %.1f s%n",
                        serviceCpu, perService, databaseCpu, gatewayCpu));
                text.append(String.format(
                        "CPU per message      service %.2f ms, MariaDB %.2f ms, gateway+bench %.2f ms, all %.2f ms%n",
                        serviceCpu * 1e3 / perMessage,
                        databaseCpu * 1e3 / perMessage,
                        gatewayCpu * 1e3 / perMessage,
                        (serviceCpu + databaseCpu + gatewayCpu) * 1e3 / perMessage));
                text.append(
                        String.format("load average         %s at the start, %s at the end", loadBefore, loadAfter));
                return new Result(
                        text.toString(),
                        sent / seconds,
                        serviceCpu * 1e3 / perMessage,
                        databaseCpu * 1e3 / perMessage,
                        (double) statements / perMessage);
            }
        } finally {
            for (ServiceProcess service : services) {
                service.close();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
