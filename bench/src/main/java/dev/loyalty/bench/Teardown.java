package dev.loyalty.bench;

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
