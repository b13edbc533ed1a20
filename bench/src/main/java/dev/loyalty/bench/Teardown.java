package dev.loyalty.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What must be undone whatever happens (the service process, the database, the run's files), in
 * the reverse order of set-up. Runs once, from the {@code finally} of the main method or from the
 * shutdown hook on Ctrl-C, whichever comes first; a failing step does not stop the others.
 */
final class Teardown {

    private final Deque<Step> steps = new ArrayDeque<>();
    private boolean done;

    /**
     * Runs a benchmark with its teardown: after it ends, after it fails (saying where the run's files
     * are) and on Ctrl-C.
     */
    static void around(Path run, PrintStream out, Body body) throws Exception {
        Teardown teardown = new Teardown();
        Thread hook = new Thread(teardown::run, "bench-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            body.run(teardown);
        } catch (Exception e) {
            out.println();
            out.println("!!! SET-UP FAILED: " + e.getMessage());
            out.println("!!! files of the run: " + run);
            throw e;
        } finally {
            teardown.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running or has run
            }
        }
    }

    /** A benchmark's body, given the teardown to register its steps with. */
    @FunctionalInterface
    interface Body {
        void run(Teardown teardown) throws Exception;
    }

    /** Registers a step, to run before those registered earlier. */
    synchronized void add(String name, AutoCloseable step) {
        steps.push(new Step(name, step));
    }

    /** Runs the steps once. */
    synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            try {
                step.action().close();
            } catch (Exception e) {
                System.err.println("teardown: " + step.name() + " failed: " + e);
            }
        }
    }

    private record Step(String name, AutoCloseable action) {}
}
