package dev.loyalty.launcher;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code generate [--customers N] [--receipts N] [--seed S] [--months M]}: fills the service's
 * database ({@code LOYALTY_DB_URL}, or the embedded one of {@code LOYALTY_DATA_DIR} while the
 * service is stopped) with {@link DataGenerator}'s data. The schema must exist: start the service
 * once first.
 */
final class GenerateCommand {

    private GenerateCommand() {}

    static int run(Settings settings, String[] args, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                return usage(err);
            }
            options.put(args[i], args[++i]);
        }
        long customers;
        long receipts;
        long seed;
        int months;
        try {
            customers = Long.parseLong(options.getOrDefault("--customers", "1000"));
            receipts = Long.parseLong(options.getOrDefault("--receipts", "10000"));
            seed = Long.parseLong(options.getOrDefault("--seed", "42"));
            months = Integer.parseInt(options.getOrDefault("--months", "24"));
        } catch (NumberFormatException e) {
            return usage(err);
        }
        if (!options.keySet().stream().allMatch(o -> o.matches("--(customers|receipts|seed|months)"))
                || customers < 1
                || customers > 50_000_000
                || receipts < 0
                || seed < 0
                || months < 1
                || months > 120) {
            return usage(err);
        }
        String url;
        String user;
        String password;
        if (settings.databaseUrl().isPresent()) {
            url = settings.databaseUrl().get();
            user = Settings.read(System.getenv(), "LOYALTY_DB_USER").orElse("loyalty");
            password = Settings.read(System.getenv(), "LOYALTY_DB_PASSWORD").orElse("");
        } else {
            System.setProperty("mariadb.logging.disable", "true");
            EmbeddedMariaDb.DatabaseCoordinates db = new EmbeddedMariaDb(settings.dataDir()).start();
            url = db.url();
            user = db.user();
            password = db.password();
        }
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            if (!DataGenerator.schemaReady(connection)) {
                err.println("The database has no schema (or an old one): start the service once to create it.");
                return 3;
            }
            DataGenerator generator =
                    new DataGenerator(connection, seed, (int) customers, receipts, months, Instant.now(), out);
            if (generator.alreadyGenerated()) {
                err.println("This database already holds the data of seed " + seed + ": choose another --seed.");
                return 3;
            }
            generator.run();
        }
        return 0;
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar loyalty.jar generate [--customers N] [--receipts N] [--seed S] [--months M]");
        return 2;
    }
}
