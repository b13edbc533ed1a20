package dev.loyalty.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sales history import at scale: a CSV of {@code -Dbench.importBytes} (default 2 GiB) is
 * generated (receipts of 1 to 6 lines; nine in ten of a customer that {@code loyalty.jar generate}
 * created beforehand, named by e-mail, the rest anonymous; one row in 10,000 bad), posted to
 * {@code POST /api/v1/imports/purchases} of a {@code loyalty.jar} running with {@code -Xmx512m}
 * (the body is streamed from disk), and followed to its end. Prints the upload rate, the import's
 * rows/s and receipts/s, and the most heap the service used (its {@code /metrics}, sampled every
 * second), the CPU the service, MariaDB and this client used and the load average. {@code
 * -Dbench.importMinutes=} bounds the wait (default 0: to the end): when the import is still running
 * then, the figures so far are printed and the run stops (the file cannot be imported to its end
 * in the time left on a loaded machine; the constant memory shows long before).
 *
 * <p>Run: {@code mvn -B -q package -DskipTests && mvn -B -q -Pbench -pl bench compile exec:java@import};
 * options {@code -Dbench.importBytes=}, {@code -Dbench.importCustomers=} (default 100,000),
 * {@code -Dbench.heap=512m}, {@code -Dbench.importMinutes=}, {@code -Dbench.keep=true}.
 */
public final class ImportBenchmark {

    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("ch.vorburger"), Logger.getLogger("org.mariadb"));
    private static final Pattern USED_HEAP =
            Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*})?\\s+([0-9.eE+]+)");
    private static final long SEED = 7;

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        System.setProperty("mariadb.logging.disable", "true");
        PrintStream out = System.out;
        long bytes = Long.parseLong(System.getProperty("bench.importBytes", String.valueOf(2L << 30)));
        int customers = Integer.parseInt(System.getProperty("bench.importCustomers", "100000"));
        String heap = System.getProperty("bench.heap", "512m");
        int minutes = Integer.parseInt(System.getProperty("bench.importMinutes", "0"));
        LargeRun.around(
                "import",
                out,
                (large, teardown) -> measure(
                        out, bytes, customers, heap, minutes, large.jar(), large.dir(), large.mariadbBase(), teardown));
    }

    private static void measure(
            PrintStream out,
            long bytes,
            int customers,
            String heap,
            int minutes,
            Path jar,
            Path run,
            Path mariadbBase,
            Teardown teardown)
            throws Exception {
        out.printf(
                "Import benchmark: a %,d MB CSV, %,d customers, service heap %s, InnoDB buffer pool %s, jar %s%n",
                bytes >> 20, customers, heap, System.getProperty("bench.bufferPool", "1G"), jar);
        out.println("  files of this run: " + run);
        // the default 1G keeps a 2 GB file's indexes (several GB) mostly on disk: -Dbench.bufferPool=8G
        String bufferPool = System.getProperty("bench.bufferPool", "1G");
        BenchDatabase db = BenchDatabase.start(mariadbBase, run.resolve("mariadb"), bufferPool);
        teardown.add("stopping MariaDB", db);
        Path dataDir = Files.createDirectories(run.resolve("service-data"));
        Path spool = Files.createDirectories(run.resolve("spool"));
        System.setProperty(
                "bench.jvmOptions", ("-Xmx" + heap + " " + System.getProperty("bench.jvmOptions", "")).strip());
        int port = freePort();
        ServiceProcess service = ServiceProcess.start(
                jar,
                dataDir,
                port,
                db.url(),
                run.resolve("service.log"),
                Map.of("LOYALTY_IMPORT_DIR", spool.toString()));
        teardown.add("stopping the service", service);
        Api api = new Api(service.port());
        // on a machine shared with other builds a start can take minutes: -Dbench.readySeconds=
        Duration ready = service.awaitReady(
                api, Duration.ofSeconds(Long.parseLong(System.getProperty("bench.readySeconds", "180"))));
        out.printf("  service ready in %.1f s (log: %s)%n", ready.toMillis() / 1e3, service.log());
        Tokens tokens = Tokens.mint(jar, dataDir);

        long generated = System.nanoTime();
        ProcessBuilder generate = new ProcessBuilder(
                        ServiceProcess.java(),
                        "-jar",
                        jar.toString(),
                        "generate",
                        "--customers",
                        String.valueOf(customers),
                        "--receipts",
                        "0",
                        "--seed",
                        String.valueOf(SEED))
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(run.resolve("generate.log").toFile());
        generate.environment().keySet().removeIf(name -> name.startsWith("LOYALTY_"));
        generate.environment().put("LOYALTY_DB_URL", db.url());
        generate.environment().put("LOYALTY_DB_USER", "root");
        generate.environment().put("LOYALTY_DB_PASSWORD", "");
        if (generate.start().waitFor() != 0) {
            throw new IllegalStateException("the generator failed: " + Files.readString(run.resolve("generate.log")));
        }
        out.printf("  %,d customers generated in %.1f s%n", customers, (System.nanoTime() - generated) / 1e9);

        Path csv = run.resolve("history.csv");
        long written = System.nanoTime();
        long[] counts = writeCsv(csv, bytes, customers);
        out.printf(
                "  CSV written: %,d MB, %,d rows, %,d receipts in %.1f s%n",
                Files.size(csv) >> 20, counts[0], counts[1], (System.nanoTime() - written) / 1e9);

        Path dbHome = run.resolve("mariadb");
        CpuClock cpu = CpuClock.read(service.pid(), dbHome);
        HeapSampler heapSampler = new HeapSampler(api);
        heapSampler.start();
        long uploadStarted = System.nanoTime();
        Api.Response accepted =
                api.postFile("/api/v1/imports/purchases", tokens.admin(), csv, "text/csv", Duration.ofHours(1));
        double upload = (System.nanoTime() - uploadStarted) / 1e9;
        if (accepted.status() != 202) {
            throw new IllegalStateException("the import answered " + accepted.status() + ": " + accepted.shortBody());
        }
        String id = field(accepted.body(), "importId");
        out.printf("  uploaded in %.1f s (%,.0f MB/s): import %s%n", upload, Files.size(csv) / 1e6 / upload, id);
        long importStarted = System.nanoTime();
        long deadline = minutes > 0 ? importStarted + minutes * 60_000_000_000L : Long.MAX_VALUE;
        String status;
        String body;
        long lastPrint = 0;
        long fileRead = 0;
        do {
            Thread.sleep(1_000);
            body = api.get("/api/v1/imports/" + id, tokens.admin(), Duration.ofSeconds(30))
                    .body();
            status = field(body, "status");
            if (fileRead == 0 && number(body, "rowsRead") >= counts[0]) {
                // every row read: what is left is the recomputation of the customers' metrics
                fileRead = System.nanoTime();
            }
            if (System.nanoTime() - lastPrint > 30_000_000_000L) {
                out.printf(
                        "    %s: %s rows, %s%%, heap used at most %,d MB; load average %s%n",
                        status,
                        number(body, "rowsRead"),
                        number(body, "percent"),
                        heapSampler.max() >> 20,
                        CpuClock.loadAverage());
                lastPrint = System.nanoTime();
            }
        } while (status.equals("RUNNING") && System.nanoTime() < deadline);
        double seconds = (System.nanoTime() - importStarted) / 1e9;
        heapSampler.interrupt();
        long rows = number(body, "rowsRead");
        long imported = number(body, "purchasesImported");
        out.println();
        out.printf(
                "History import of a %,d MB CSV (%,d rows) into a service with -Xmx%s%n",
                Files.size(csv) >> 20, rows, heap);
        out.println("  result:   " + body);
        if (status.equals("RUNNING")) {
            out.printf("  stopped after %d minutes (-Dbench.importMinutes), still running%n", minutes);
        }
        out.printf("  upload:   %.1f s, %,.0f MB/s (spooled to disk)%n", upload, Files.size(csv) / 1e6 / upload);
        out.printf(
                "  import:   %.1f s after the upload, %,.0f rows/s, %,.0f receipts/s%n",
                seconds, rows / seconds, imported / seconds);
        if (fileRead != 0) {
            out.printf(
                    "  of which reading the file %.1f s (%,.0f rows/s), then the customers' metrics %.1f s%n",
                    (fileRead - importStarted) / 1e9,
                    rows / ((fileRead - importStarted) / 1e9),
                    seconds - (fileRead - importStarted) / 1e9);
        }
        out.printf(
                "  end to end: %,.0f rows/s; service heap used at most %,d MB (of %s)%n",
                rows / (seconds + upload), heapSampler.max() >> 20, heap);
        out.printf(
                "  %s (upload and import); load average %s%n",
                CpuClock.read(service.pid(), dbHome).since(cpu).describe(), CpuClock.loadAverage());
        out.printf(
                "  machine: %d cores, JDK %s; MariaDB, the service and this client share it%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    /** Writes the CSV: @return rows and receipts written. */
    static long[] writeCsv(Path csv, long bytes, int customers) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        String[] categories = {"ready-meals", "pasta", "sauces", "cheese", "fruit", "wine", "personal-care", "coffee"};
        Instant start = Instant.now().minus(720, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long rows = 0;
        long receipts = 0;
        long size = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            String header = "store_id,receipt_id,occurred_at,customer,sku,category,quantity,unit_price_cents\n";
            writer.write(header);
            size += header.length();
            StringBuilder row = new StringBuilder(128);
            while (size < bytes) {
                receipts++;
                String store = "ST-" + (1 + random.nextInt(40));
                String at = start.plusSeconds(random.nextLong(720L * 86_400)).toString();
                String customer =
                        random.nextInt(10) == 0 ? "" : "gen" + SEED + "." + random.nextInt(customers) + "@example.com";
                int lines = 1 + random.nextInt(6);
                for (int l = 0; l < lines; l++) {
                    row.setLength(0);
                    String category = categories[random.nextInt(categories.length)];
                    row.append(store)
                            .append(",B")
                            .append(receipts)
                            .append(',')
                            .append(at)
                            .append(',')
                            .append(customer)
                            .append(",SKU-")
                            .append(random.nextInt(5_000))
                            .append(',')
                            .append(category)
                            .append(',')
                            .append(random.nextInt(10_000) == 0 ? -1 : 1 + random.nextInt(3))
                            .append(',')
                            .append(50 + random.nextInt(3_000))
                            .append('\n');
                    writer.append(row);
                    size += row.length();
                    rows++;
                }
            }
        }
        return new long[] {rows, receipts};
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Samples the service's used heap from {@code /metrics} every second; keeps the largest. */
    static final class HeapSampler extends Thread {
        private final Api api;
        private volatile long max;

        HeapSampler(Api api) {
            this.api = api;
            setDaemon(true);
        }

        long max() {
            return max;
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try {
                    Matcher m = USED_HEAP.matcher(
                            api.getText("/metrics", Duration.ofSeconds(10)).body());
                    if (m.find()) {
                        max = Math.max(max, (long) Double.parseDouble(m.group(1)));
                    }
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    // a sample missed
                }
            }
        }
    }
}
