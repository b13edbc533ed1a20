package dev.loyalty.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service's reactions to events as the database shows them, over one JDBC connection of its
 * own (auto-commit: each query sees what is committed): the events still due ({@code react_due_at}
 * set), the {@code rule_evaluation} rows, and a sampler that records both every second while the
 * load runs. Calls are serialised; the sampler is the only user of the connection while it runs.
 */
final class ReactionProgress implements AutoCloseable {

    /** The longest the sampler keeps sampling (far more than any run needs). */
    private static final int MAX_SAMPLES = 36_000;

    private final Connection connection;

    ReactionProgress(Connection connection) {
        this.connection = connection;
    }

    /** What the database shows now: the events still due and the evaluations so far. */
    synchronized Snapshot now() throws SQLException {
        long before = System.nanoTime();
        long backlog = backlog();
        long evaluations = count("SELECT COUNT(*) FROM rule_evaluation");
        return new Snapshot((before + System.nanoTime()) / 2, backlog, evaluations);
    }

    /** The statements MariaDB has been sent so far ({@code Questions}, this connection's included). */
    synchronized long statements() throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            row.next();
            return row.getLong(2);
        }
    }

    /** The events still due for reactions (including those waiting for a retry after a failure). */
    synchronized long backlog() throws SQLException {
        return count("SELECT COUNT(*) FROM customer_event WHERE react_due_at IS NOT NULL");
    }

    /** The events whose ids start with the prefix (the load's). */
    synchronized long events(String idPrefix) throws SQLException {
        try (PreparedStatement sql =
                connection.prepareStatement("SELECT COUNT(*) FROM customer_event WHERE event_id LIKE ?")) {
            sql.setString(1, idPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The events whose last reaction failed (due again later, or parked). */
    synchronized long failing() throws SQLException {
        return count("SELECT COUNT(*) FROM customer_event WHERE react_error IS NOT NULL");
    }

    /** The evaluations by outcome (FIRED, PARTIAL, SKIPPED). */
    synchronized Map<String, Long> outcomes() throws SQLException {
        Map<String, Long> outcomes = new TreeMap<>();
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT outcome, COUNT(*) FROM rule_evaluation GROUP BY outcome")) {
            while (rows.next()) {
                outcomes.put(rows.getString(1), rows.getLong(2));
            }
        }
        return outcomes;
    }

    /**
     * Polls the backlog until it is empty, the time is up, or it has not shrunk for a minute
     * (a failed reaction waits for its retry); says how it stands every ten seconds.
     *
     * @param what what is drained, for the progress lines
     * @return the end of the wait
     */
    Drain awaitEmpty(String what, Duration limit, PrintStream out) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        long lastShrink = started;
        long nextLine = started + Duration.ofSeconds(10).toNanos();
        long smallest = Long.MAX_VALUE;
        while (true) {
            long backlog = backlog();
            long now = System.nanoTime();
            if (backlog == 0) {
                return new Drain(Drain.End.EMPTY, now, 0);
            }
            if (backlog < smallest) {
                smallest = backlog;
                lastShrink = now;
            }
            if (now - deadline >= 0) {
                return new Drain(Drain.End.TIME_UP, now, backlog);
            }
            if (now - lastShrink >= Duration.ofSeconds(60).toNanos()) {
                return new Drain(Drain.End.STALLED, now, backlog);
            }
            if (now - nextLine >= 0) {
                out.printf("    %s: %d events still due after %.0f s%n", what, backlog, (now - started) / 1e9);
                nextLine += Duration.ofSeconds(10).toNanos();
            }
            Thread.sleep(250);
        }
    }

    /** Starts sampling {@link #now()} every second on a daemon thread, until the sampler is closed. */
    Sampler sample() {
        Sampler sampler = new Sampler();
        Thread thread = new Thread(sampler, "bench-reaction-sampler");
        thread.setDaemon(true);
        sampler.thread = thread;
        thread.start();
        return sampler;
    }

    private long count(String query) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Closes the connection. */
    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /**
     * The database at one moment.
     *
     * @param at {@link System#nanoTime()} in the middle of the queries
     * @param backlog events still due
     * @param evaluations rows in {@code rule_evaluation}
     */
    record Snapshot(long at, long backlog, long evaluations) {}

    /**
     * How a wait for the backlog ended.
     *
     * @param end why
     * @param at {@link System#nanoTime()} when it ended
     * @param backlog events still due then
     */
    record Drain(End end, long at, long backlog) {

        /** Why a wait ended. */
        enum End {
            EMPTY,
            TIME_UP,
            STALLED
        }
    }

    /** The samples of one period, one a second; the first failed query ends the sampling. */
    final class Sampler implements Runnable, AutoCloseable {
        private final List<Snapshot> samples = new ArrayList<>();
        private volatile boolean stopped;
        private volatile String failure;
        private Thread thread;

        private Sampler() {}

        @Override
        public void run() {
            while (!stopped && size() < MAX_SAMPLES) {
                try {
                    Snapshot snapshot = now();
                    synchronized (samples) {
                        samples.add(snapshot);
                    }
                    Thread.sleep(1000);
                } catch (SQLException e) {
                    failure = e.getMessage();
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private int size() {
            synchronized (samples) {
                return samples.size();
            }
        }

        /** The samples so far, oldest first. */
        List<Snapshot> samples() {
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }

        /** Why the sampling stopped early, if it did. */
        String failure() {
            return failure;
        }

        /**
         * The evaluations at an instant, interpolated between the samples around it (the nearest
         * sample outside their range).
         */
        long evaluationsAt(long nanos) {
            List<Snapshot> all = samples();
            if (all.isEmpty()) {
                return -1;
            }
            Snapshot previous = all.get(0);
            if (nanos - previous.at() <= 0) {
                return previous.evaluations();
            }
            for (Snapshot next : all) {
                if (next.at() - nanos >= 0) {
                    double share = (double) (nanos - previous.at()) / Math.max(1, next.at() - previous.at());
                    return Math.round(previous.evaluations() + share * (next.evaluations() - previous.evaluations()));
                }
                previous = next;
            }
            return previous.evaluations();
        }

        /** The backlog of the last sample taken at or before an instant (the first sample if none). */
        long backlogAt(long nanos) {
            List<Snapshot> all = samples();
            long backlog = all.isEmpty() ? -1 : all.get(0).backlog();
            for (Snapshot snapshot : all) {
                if (snapshot.at() - nanos > 0) {
                    break;
                }
                backlog = snapshot.backlog();
            }
            return backlog;
        }

        /**
         * Stops the sampling and waits for the thread (at most 10 s), without interrupting it:
         * the connection stays usable.
         */
        @Override
        public void close() throws InterruptedException {
            stopped = true;
            thread.join(10_000);
        }
    }
}
