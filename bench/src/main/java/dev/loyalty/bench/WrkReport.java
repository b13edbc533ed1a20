package dev.loyalty.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/** The wrk benchmark's figures as a Markdown table, a CSV and a PNG chart (Java2D, no library). */
final class WrkReport {

    private final List<WrkBenchmark.Row> rows;
    private final List<WrkBenchmark.Row> curve;
    private final PhaseResult baseline;
    private final long baselineStatements;
    private final CpuClock baselineCpu;

    WrkReport(
            List<WrkBenchmark.Row> rows,
            List<WrkBenchmark.Row> curve,
            PhaseResult baseline,
            long baselineStatements,
            CpuClock baselineCpu) {
        this.rows = List.copyOf(rows);
        this.curve = List.copyOf(curve);
        this.baseline = baseline;
        this.baselineStatements = baselineStatements;
        this.baselineCpu = baselineCpu;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| phase | conn. | req/s | p50 ms | p99 ms | max ms | errors (by status) | statements/req"
                + " | CPU s: service | MariaDB | wrk | load avg |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (WrkBenchmark.Row row : rows) {
            out.append(line(row));
        }
        for (WrkBenchmark.Row row : curve) {
            out.append(line(row));
        }
        double baselineTx = baseline.throughput();
        long baselineOps = baselineOperations();
        out.append(String.format(
                Locale.ROOT,
                "| plain-JDBC baseline of the purchase's writes | %d threads | %.1f | %.1f | %.1f | %.1f | %d | %.1f"
                        + " | - | %.1f | client JVM %.1f | %s |%n",
                32,
                baselineTx,
                baseline.latencies().millis(0.50),
                baseline.latencies().millis(0.99),
                baseline.latencies().maxMillis(),
                baseline.failureCount(),
                baselineOps == 0 ? 0.0 : (double) baselineStatements / baselineOps,
                baselineCpu.database().toMillis() / 1e3,
                baselineCpu.client().toMillis() / 1e3,
                CpuClock.loadAverage()));
        out.append('\n');
        // the better of the two floors (before the lookups, again after the quote): the ratios must not
        // be flattered by a floor measured while the JIT was still compiling its path
        double floor = rows.stream()
                .filter(r -> r.wrk().phase().startsWith("floor"))
                .mapToDouble(r -> r.wrk().perSecond())
                .max()
                .orElse(0);
        double purchases32 = curve.stream()
                .filter(r -> r.wrk().connections() == 32)
                .mapToDouble(r -> r.wrk().perSecond())
                .findFirst()
                .orElse(perSecond("purchase (1"));
        out.append(String.format(
                Locale.ROOT,
                "Ratios (one run): purchases at 32 connections / plain-JDBC baseline = %s (target >= 60 %%);"
                        + " quote / floor = %s, lookup by e-mail / floor = %s, by card / floor = %s (targets >= 70 %%); events %.0f/s (target >= 1,000);"
                        + " wrk's CPU / the service's in the purchase phase = %s.%n",
                ratio(purchases32, baselineTx),
                ratio(perSecond("quote"), floor),
                ratio(perSecond("lookup by e-mail"), floor),
                ratio(perSecond("lookup by card"), floor),
                perSecond("event"),
                rows.stream()
                        .filter(r -> r.wrk().phase().startsWith("purchase (1"))
                        .findFirst()
                        .map(r -> ratio(
                                r.wrk().wrkCpu().toMillis(), r.cpu().service().toMillis()))
                        .orElse("-")));
        for (WrkBenchmark.Row spike :
                rows.stream().filter(r -> r.wrk().phase().startsWith("spike")).toList()) {
            out.append(String.format(
                    Locale.ROOT,
                    "The stack's purchase floor, %s: %s of the baseline (the service's purchases: %s; service / this"
                            + " floor = %s); CPU ms per request Payara / MariaDB / wrk %s against the service's %s and"
                            + " the baseline's - / %.2f / client JVM %.2f.%n",
                    spike.wrk().phase(),
                    ratio(spike.wrk().perSecond(), baselineTx),
                    ratio(purchases32, baselineTx),
                    ratio(purchases32, spike.wrk().perSecond()),
                    perRequest(spike),
                    curve.stream()
                            .filter(r -> r.wrk().connections() == 32)
                            .findFirst()
                            .or(() -> rows.stream()
                                    .filter(r -> r.wrk().phase().startsWith("purchase (1"))
                                    .findFirst())
                            .map(WrkReport::perRequest)
                            .orElse("-"),
                    baselineOps == 0 ? 0.0 : baselineCpu.database().toMillis() / (double) baselineOps,
                    baselineOps == 0 ? 0.0 : baselineCpu.client().toMillis() / (double) baselineOps));
        }
        return out.toString();
    }

    /**
     * Every transaction the baseline attempted, warm-up included: its statements and CPU are read
     * around the warm-up and the window together, so they are per transaction only over both.
     */
    private long baselineOperations() {
        return baseline.latencies().count()
                + baseline.failureCount()
                + baseline.warmupSuccesses()
                + baseline.warmupFailures();
    }

    /** The CPU milliseconds per request of the phase's service, MariaDB and wrk. */
    private static String perRequest(WrkBenchmark.Row row) {
        long requests = row.wrk().requests();
        if (requests == 0) {
            return "-";
        }
        return String.format(
                Locale.ROOT,
                "%.2f / %.2f / %.2f",
                row.cpu().service().toMillis() / (double) requests,
                row.cpu().database().toMillis() / (double) requests,
                row.wrk().wrkCpu().toMillis() / (double) requests);
    }

    private static String line(WrkBenchmark.Row row) {
        Wrk.Result w = row.wrk();
        String statuses = w.statuses().entrySet().stream()
                .filter(e -> e.getKey() < 200 || e.getKey() > 299)
                .map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(" "));
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d%s | %.1f | %.1f | %.1f | %.1f | %s |%n",
                w.phase(),
                w.connections(),
                w.perSecond(),
                w.p50Millis(),
                w.p99Millis(),
                w.maxMillis(),
                w.errors(),
                statuses.isEmpty()
                        ? ""
                        : " (" + statuses + (w.socketErrors() > 0 ? " socket:" + w.socketErrors() : "") + ")",
                row.statementsPerRequest(),
                row.cpu().service().toMillis() / 1e3,
                row.cpu().database().toMillis() / 1e3,
                w.wrkCpu().toMillis() / 1e3,
                row.load());
    }

    String csv() {
        StringBuilder out = new StringBuilder(
                "phase,connections,requests_per_s,p50_ms,p99_ms,max_ms,errors,statuses,statements_per_request,"
                        + "service_cpu_s,mariadb_cpu_s,client_cpu_s,load_average\n");
        for (WrkBenchmark.Row row : concat()) {
            Wrk.Result w = row.wrk();
            out.append(String.format(
                    Locale.ROOT,
                    "\"%s\",%d,%.1f,%.1f,%.1f,%.1f,%d,\"%s\",%.2f,%.2f,%.2f,%.2f,\"%s\"%n",
                    w.phase(),
                    w.connections(),
                    w.perSecond(),
                    w.p50Millis(),
                    w.p99Millis(),
                    w.maxMillis(),
                    w.errors(),
                    statusText(w.statuses()),
                    row.statementsPerRequest(),
                    row.cpu().service().toMillis() / 1e3,
                    row.cpu().database().toMillis() / 1e3,
                    w.wrkCpu().toMillis() / 1e3,
                    row.load()));
        }
        long ops = baselineOperations();
        out.append(String.format(
                Locale.ROOT,
                "\"plain-JDBC baseline\",32,%.1f,%.1f,%.1f,%.1f,%d,\"\",%.2f,0,%.2f,%.2f,\"%s\"%n",
                baseline.throughput(),
                baseline.latencies().millis(0.50),
                baseline.latencies().millis(0.99),
                baseline.latencies().maxMillis(),
                baseline.failureCount(),
                ops == 0 ? 0.0 : (double) baselineStatements / ops,
                baselineCpu.database().toMillis() / 1e3,
                baselineCpu.client().toMillis() / 1e3,
                CpuClock.loadAverage()));
        return out.toString();
    }

    /** Two panels: purchases/s and p99 (ms) against connections, the baseline as a dashed line. */
    void chart(Path png) throws IOException {
        int width = 900;
        int height = 420;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        panel(g, 0, "purchases/s", r -> r.wrk().perSecond(), baseline.throughput());
        panel(g, width / 2, "p99 (ms)", r -> r.wrk().p99Millis(), -1);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private void panel(Graphics2D g, int left, String title, ToDoubleFunction<WrkBenchmark.Row> figure, double line) {
        int x0 = left + 60;
        int y0 = 360;
        int w = 370;
        int h = 300;
        double max = Math.max(line, curve.stream().mapToDouble(figure).max().orElse(1)) * 1.1;
        if (max <= 0) {
            max = 1;
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title + " against connections (wrk)", x0, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawLine(x0, y0, x0 + w, y0);
        g.drawLine(x0, y0, x0, y0 - h);
        for (int i = 0; i <= 4; i++) {
            int y = y0 - h * i / 4;
            g.drawString(String.format(Locale.ROOT, "%.0f", max * i / 4), left + 5, y + 4);
        }
        int n = curve.size();
        int[] xs = new int[n];
        int[] ys = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x0 + (n == 1 ? w / 2 : w * i / (n - 1));
            ys[i] = y0 - (int) Math.round(h * figure.applyAsDouble(curve.get(i)) / max);
            g.drawString(Integer.toString(curve.get(i).wrk().connections()), xs[i] - 6, y0 + 16);
        }
        g.setColor(new Color(0x1f77b4));
        g.setStroke(new BasicStroke(2.5f));
        g.drawPolyline(xs, ys, n);
        for (int i = 0; i < n; i++) {
            g.fillOval(xs[i] - 4, ys[i] - 4, 8, 8);
        }
        if (line > 0) {
            int y = y0 - (int) Math.round(h * line / max);
            g.setColor(new Color(0xd62728));
            g.setStroke(
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
            g.drawLine(x0, y, x0 + w, y);
            g.drawString("plain-JDBC baseline", x0 + w - 120, y - 6);
        }
        g.setColor(Color.BLACK);
        g.drawString("connections", x0 + w / 2 - 30, y0 + 34);
    }

    private List<WrkBenchmark.Row> concat() {
        return java.util.stream.Stream.concat(rows.stream(), curve.stream()).toList();
    }

    private double perSecond(String prefix) {
        return rows.stream()
                .filter(r -> r.wrk().phase().startsWith(prefix))
                .mapToDouble(r -> r.wrk().perSecond())
                .findFirst()
                .orElse(0);
    }

    private static String statusText(Map<Integer, Long> statuses) {
        return statuses.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    static String ratio(double part, double whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * part / whole);
    }
}
