package dev.loyalty.adapters.scheduling;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The loop every background worker of an instance runs: do steps while they find work (and the
 * worker is not stopping), then sleep for the poll interval; a step that fails (the database is
 * away, a deadlock's victim) is logged at most once a minute and the worker waits, then goes on. It
 * never stops by itself; an interruption ends it.
 *
 * @param what the worker's name in the warning, e.g. "Message relay"
 * @param pollMs how long to sleep when a step found nothing
 * @param failurePauseMs how long to wait after a failure
 * @param stepsPerTurn after this many steps in a row the worker sleeps too, giving way to the others
 * @param fullStep a step that found less than this sleeps too: the work that trickles in meanwhile
 *     is taken in one fuller step, not one costly step per item (1: sleep only when nothing was found)
 */
record WorkerLoop(String what, long pollMs, long failurePauseMs, int stepsPerTurn, int fullStep, Logger log) {

    /** A worker that steps for as long as there is work. */
    WorkerLoop(String what, long pollMs, long failurePauseMs, Logger log) {
        this(what, pollMs, failurePauseMs, Integer.MAX_VALUE, 1, log);
    }

    /** A worker that steps for as long as there is work, at most {@code stepsPerTurn} in a row. */
    WorkerLoop(String what, long pollMs, long failurePauseMs, int stepsPerTurn, Logger log) {
        this(what, pollMs, failurePauseMs, stepsPerTurn, 1, log);
    }

    /** A worker that steps again at once only after a step that found at least {@code fullStep}. */
    static WorkerLoop gathering(String what, long pollMs, long failurePauseMs, int fullStep, Logger log) {
        return new WorkerLoop(what, pollMs, failurePauseMs, Integer.MAX_VALUE, Math.max(1, fullStep), log);
    }

    /**
     * Runs until {@code stopping} says so or the thread is interrupted.
     *
     * @param step does one unit of work and says how much it found (0: nothing due)
     */
    void run(BooleanSupplier stopping, IntSupplier step) {
        long lastWarning = 0;
        while (!stopping.getAsBoolean()) {
            try {
                int steps = 0;
                while (!stopping.getAsBoolean() && steps++ < stepsPerTurn && step.getAsInt() >= fullStep) {
                    // go on while there is work
                }
                Thread.sleep(pollMs);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                long now = System.currentTimeMillis();
                if (now - lastWarning > 60_000) {
                    log.log(Level.WARNING, what + " failed; it goes on in " + failurePauseMs + " ms", e);
                    lastWarning = now;
                }
                try {
                    Thread.sleep(failurePauseMs);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
