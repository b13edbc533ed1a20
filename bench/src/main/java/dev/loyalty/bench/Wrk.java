package dev.loyalty.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of {@code wrk} (Debian's HTTP load generator, written in C: at 2 threads it costs a
 * fraction of the service it drives) with a Lua script that builds each request and counts the
 * answers by status. The script prints its figures as {@code WRK key value} lines in {@code done},
 * which this class reads; wrk's own CPU is what the shell's {@code times} says its child used.
 */
final class Wrk {

    /** What one run measured. */
    record Result(
            String phase,
            int connections,
            double seconds,
            long requests,
            double perSecond,
            double p50Millis,
            double p99Millis,
            double maxMillis,
            Map<Integer, Long> statuses,
            long socketErrors,
            Duration wrkCpu) {

        /** Answers with a status outside 2xx, plus socket errors and timeouts. */
        long errors() {
            return socketErrors
                    + statuses.entrySet().stream()
                            .filter(e -> e.getKey() < 200 || e.getKey() > 299)
                            .mapToLong(Map.Entry::getValue)
                            .sum();
        }
    }

    /** The Lua that counts statuses and prints the figures; appended to each phase's script. */
    static final String COUNTING =
            """
            local threads = {}
            function setup(thread)
              thread:set("id", #threads + 1)
              table.insert(threads, thread)
            end
            statuses = {}
            function response(status, headers, body)
              statuses[status] = (statuses[status] or 0) + 1
            end
            function done(summary, latency, requests)
              local total = {}
              for _, thread in ipairs(threads) do
                for status, n in pairs(thread:get("statuses")) do
                  total[status] = (total[status] or 0) + n
                end
              end
              for status, n in pairs(total) do io.write(string.format("WRK status %d %d\\n", status, n)) end
              io.write(string.format("WRK requests %d\\n", summary.requests))
              io.write(string.format("WRK duration_us %d\\n", summary.duration))
              io.write(string.format("WRK p50_us %d\\n", latency:percentile(50)))
              io.write(string.format("WRK p99_us %d\\n", latency:percentile(99)))
              io.write(string.format("WRK max_us %d\\n", latency.max))
              local e = summary.errors
              io.write(string.format("WRK socket_errors %d\\n", e.connect + e.read + e.write + e.timeout))
            end
            """;

    private Wrk() {}

    /** Whether {@code wrk} is on the PATH. */
    static boolean available() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            probe.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs wrk once against {@code url} for {@code duration}.
     *
     * @param phase the phase's name
     * @param script the phase's Lua (request building), without {@link #COUNTING}
     * @param dir where the script and wrk's output are kept
     */
    static Result run(String phase, String url, String script, int connections, Duration duration, Path dir)
            throws IOException, InterruptedException {
        String slug = phase.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase() + "-c" + connections;
        Path lua = dir.resolve(slug + ".lua");
        Files.writeString(lua, script + "\n" + COUNTING, StandardCharsets.UTF_8);
        int threads = Math.min(2, connections);
        String command = String.format(
                "wrk -t%d -c%d -d%ds --timeout 10s -s '%s' '%s'; times",
                threads, connections, Math.max(1, duration.toSeconds()), lua, url);
        Process wrk = new ProcessBuilder("bash", "-c", command)
                .redirectErrorStream(true)
                .start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = wrk.waitFor();
        Files.writeString(dir.resolve(slug + ".out"), output, StandardCharsets.UTF_8);
        if (exit != 0 || !output.contains("WRK requests")) {
            throw new IllegalStateException("wrk failed for " + phase + " (exit " + exit + "):\n" + output);
        }
        return parse(phase, connections, output);
    }

    /** Reads the {@code WRK} lines and the children's CPU from the last line {@code times} printed. */
    static Result parse(String phase, int connections, String output) {
        Map<Integer, Long> statuses = new TreeMap<>();
        Map<String, Long> figures = new TreeMap<>();
        List<String> timesLines = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4 && f[0].equals("WRK") && f[1].equals("status")) {
                statuses.put(Integer.parseInt(f[2]), Long.parseLong(f[3]));
            } else if (f.length == 3 && f[0].equals("WRK")) {
                figures.put(f[1], Long.parseLong(f[2]));
            } else if (f.length == 2 && f[0].matches("\\d+m[\\d.]+s") && f[1].matches("\\d+m[\\d.]+s")) {
                timesLines.add(line.trim());
            }
        }
        double seconds = figures.getOrDefault("duration_us", 1L) / 1e6;
        long requests = figures.getOrDefault("requests", 0L);
        Duration cpu = Duration.ZERO;
        if (!timesLines.isEmpty()) {
            String[] children = timesLines.get(timesLines.size() - 1).split("\\s+");
            cpu = minutesSeconds(children[0]).plus(minutesSeconds(children[1]));
        }
        return new Result(
                phase,
                connections,
                seconds,
                requests,
                requests / seconds,
                figures.getOrDefault("p50_us", 0L) / 1e3,
                figures.getOrDefault("p99_us", 0L) / 1e3,
                figures.getOrDefault("max_us", 0L) / 1e3,
                statuses,
                figures.getOrDefault("socket_errors", 0L),
                cpu);
    }

    /** {@code 1m2.345s} as a duration. */
    static Duration minutesSeconds(String text) {
        int m = text.indexOf('m');
        long minutes = Long.parseLong(text.substring(0, m));
        double seconds = Double.parseDouble(text.substring(m + 1, text.length() - 1));
        return Duration.ofMinutes(minutes).plusNanos(Math.round(seconds * 1e9));
    }

    /** A Lua string literal. */
    static String lua(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A Lua table of strings. */
    static String luaList(List<String> items) {
        StringBuilder out = new StringBuilder("{");
        for (String item : items) {
            out.append(lua(item)).append(',');
        }
        return out.append('}').toString();
    }
}
