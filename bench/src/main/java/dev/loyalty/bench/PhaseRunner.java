package dev.loyalty.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one phase: one thread per client, all started together, a warm-up that is not measured,
 * then the measured window. Each thread stops at the end of the window, at its share of the hard
 * cap on operations, or after 100 exceptions in a row; nothing is locked on the way of a
 * successful operation (latencies go to the thread's own pre-sized array).
 */
final class PhaseRunner {

    private static final int MAX_EXCEPTIONS_IN_A_ROW = 100;

    private PhaseRunner() {}

    /** Runs the clients and closes them; the result counts only operations started in the window. */
    static PhaseResult run(String name, List<? extends Client> clients, Duration warmup, Duration window, long maxOps)
            throws InterruptedException {
        int perThreadCap = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(1, maxOps / clients.size()));
        Tally.Samples samples = new Tally.Samples();
        CountDownLatch go = new CountDownLatch(1);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            workers.add(new Worker(clients.get(i), perThreadCap, samples, go));
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Thread thread = new Thread(workers.get(i), name + "-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long start = System.nanoTime();
        long measureStart = start + warmup.toNanos();
        long measureEnd = measureStart + window.toNanos();
        workers.forEach(w -> w.schedule(measureStart, measureEnd));
        go.countDown();
        long joinDeadline = measureEnd + TimeUnit.SECONDS.toNanos(60);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinDeadline - System.nanoTime())));
        }
        int stuck = 0;
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                stuck++;
                thread.interrupt();
                thread.join(10_000);
            }
        }
        clients.forEach(Client::close);
        return result(name, window, workers, samples, stuck);
    }

    private static PhaseResult result(
            String name, Duration window, List<Worker> workers, Tally.Samples samples, int stuck) {
        Map<String, Long> failures = new TreeMap<>();
        Map<String, Long> warmupFailures = new TreeMap<>();
        List<long[]> arrays = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        long warmupSuccesses = 0;
        boolean capReached = false;
        int gaveUp = 0;
        for (Worker w : workers) {
            w.measured.addTo(failures);
            w.warmup.addTo(warmupFailures);
            arrays.add(w.latencies);
            counts.add(w.recorded);
            warmupSuccesses += w.warmupSuccesses;
            capReached |= w.capReached;
            gaveUp += w.gaveUp ? 1 : 0;
        }
        return new PhaseResult(
                name,
                window,
                Latencies.merge(arrays, counts),
                failures,
                warmupSuccesses,
                warmupFailures.values().stream().mapToLong(Long::longValue).sum(),
                capReached,
                gaveUp + stuck,
                samples.kept());
    }

    /** One client's thread and what it recorded; read by the runner only after the thread ended. */
    private static final class Worker implements Runnable {
        private final Client client;
        private final CountDownLatch go;
        final long[] latencies;
        final Tally warmup;
        final Tally measured;
        private volatile long measureStart;
        private volatile long measureEnd;
        int recorded;
        long warmupSuccesses;
        boolean capReached;
        boolean gaveUp;

        Worker(Client client, int cap, Tally.Samples samples, CountDownLatch go) {
            this.client = client;
            this.go = go;
            this.latencies = new long[cap];
            this.warmup = new Tally(samples);
            this.measured = new Tally(samples);
        }

        void schedule(long measureStart, long measureEnd) {
            this.measureStart = measureStart;
            this.measureEnd = measureEnd;
        }

        @Override
        public void run() {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            long from = measureStart;
            long until = measureEnd;
            int operations = 0;
            int exceptionsInARow = 0;
            while (true) {
                long t0 = System.nanoTime();
                if (t0 - until >= 0) {
                    break;
                }
                if (operations >= latencies.length) {
                    capReached = true;
                    break;
                }
                boolean inWindow = t0 - from >= 0;
                Tally tally = inWindow ? measured : warmup;
                boolean ok;
                try {
                    ok = client.perform(tally);
                    exceptionsInARow = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    gaveUp = true;
                    break;
                } catch (Exception e) {
                    tally.failure(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                    ok = false;
                    if (++exceptionsInARow >= MAX_EXCEPTIONS_IN_A_ROW) {
                        gaveUp = true;
                        break;
                    }
                }
                long t1 = System.nanoTime();
                operations++;
                if (ok && inWindow) {
                    latencies[recorded++] = t1 - t0;
                } else if (ok) {
                    warmupSuccesses++;
                }
            }
        }
    }
}
