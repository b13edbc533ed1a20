package dev.loyalty.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Prints the phases' figures, plain, and the comparison with the machine it ran on. */
final class Report {

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    /** A phase's block. */
    void phase(PhaseResult result, String unit, CouponPool coupons) {
        figures(result, unit);
        line(
                "%-16s %d used of %d%s",
                "coupon codes",
                coupons.used(),
                coupons.size(),
                coupons.missing() > 0 ? " (ran out: " + coupons.missing() + " baskets went without)" : "");
        warnings(result);
    }

    /** A phase's block, for a load that uses no coupon codes. */
    void phase(PhaseResult result, String unit) {
        figures(result, unit);
        warnings(result);
    }

    private void figures(PhaseResult result, String unit) {
        out.println();
        out.println("== " + result.name());
        line("%-16s %.1f", unit, result.throughput());
        line(
                "%-16s p50 %.2f  p90 %.2f  p99 %.2f  max %.2f",
                "latency ms",
                result.latencies().millis(0.50),
                result.latencies().millis(0.90),
                result.latencies().millis(0.99),
                result.latencies().maxMillis());
        line(
                "%-16s %d in the %d s window (warm-up: %d ok, %d failed)",
                "successes",
                result.latencies().count(),
                result.window().toSeconds(),
                result.warmupSuccesses(),
                result.warmupFailures());
        line("%-16s %s", "failures", failures(result.failures(), result.failureCount()));
        for (String sample : result.failureSamples()) {
            line("%-16s %s", "  e.g.", sample);
        }
    }

    private void warnings(PhaseResult result) {
        if (result.capReached()) {
            line("!!! %s", "some clients reached the cap on requests (bench.maxRequests): throughput understated");
        }
        if (result.clientsLost() > 0) {
            line("!!! %d clients gave up (100 exceptions in a row) or did not stop in time", result.clientsLost());
        }
    }

    /**
     * The statements the database received during a phase per operation the phase attempted
     * (warm-up included; background work of the service, such as its relays, counts too).
     */
    void statements(PhaseResult result, long statements) {
        long operations = result.warmupSuccesses()
                + result.warmupFailures()
                + result.latencies().count()
                + result.failureCount();
        line(
                "%-16s %.1f per operation (%d statements, %d operations)",
                "statements", operations == 0 ? Double.NaN : (double) statements / operations, statements, operations);
    }

    /** The comparison with the baseline (then {@link #machine}). */
    void summary(PhaseResult service, String endpoint, PhaseResult baseline) {
        out.println();
        out.println("== Summary");
        line(
                "%-16s %10.1f /s   p99 %8.2f ms   failures %d   (%s)",
                "service", service.throughput(), service.latencies().millis(0.99), service.failureCount(), endpoint);
        line(
                "%-16s %10.1f /s   p99 %8.2f ms   failures %d   (plain JDBC, same writes)",
                "baseline", baseline.throughput(), baseline.latencies().millis(0.99), baseline.failureCount());
        line(
                "%-16s %.1f %% of the baseline's throughput",
                "ratio", baseline.throughput() == 0 ? Double.NaN : 100 * service.throughput() / baseline.throughput());
    }

    /** The service's throughput against the floor's: what the purchase itself costs. */
    void floor(PhaseResult service, PhaseResult floor, String request) {
        line(
                "%-16s %10.1f /s   p99 %8.2f ms   failures %d   (%s)",
                "floor", floor.throughput(), floor.latencies().millis(0.99), floor.failureCount(), request);
        line(
                "%-16s %.1f %% of the floor's throughput",
                "ratio", floor.throughput() == 0 ? Double.NaN : 100 * service.throughput() / floor.throughput());
    }

    /** The cores, the JDK and the system, and that everything shares them. */
    void machine() {
        Runtime runtime = Runtime.getRuntime();
        line(
                "%-16s %d cores, JDK %s (%s), %s %s %s, bench heap max %d MB",
                "machine",
                runtime.availableProcessors(),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                runtime.maxMemory() / (1024 * 1024));
        line("%-16s %s", "note", "load generator, service and MariaDB share these cores");
    }

    private static String failures(Map<String, Long> failures, long total) {
        if (total == 0) {
            return "none";
        }
        StringBuilder text = new StringBuilder().append(total).append(" (");
        failures.forEach((kind, n) -> text.append(text.charAt(text.length() - 1) == '(' ? "" : ", ")
                .append(kind)
                .append(": ")
                .append(n));
        return text.append(')').toString();
    }

    /** One indented line, formatted in the root locale. */
    void line(String format, Object... args) {
        out.println("  " + String.format(Locale.ROOT, format, args));
    }
}
