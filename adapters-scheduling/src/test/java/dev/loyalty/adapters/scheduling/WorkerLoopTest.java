package dev.loyalty.adapters.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class WorkerLoopTest {

    private static final Logger LOG = Logger.getLogger(WorkerLoopTest.class.getName());

    @Test
    void stepsWhileWorkIsFoundThenGoesOnAfterAFailureUntilToldToStop() {
        // what each call of the step finds: work, work, nothing (sleep), a failure (pause), work, nothing
        List<Object> script = new ArrayList<>(List.of(3, 1, 0, new IllegalStateException("database away"), 2, 0));
        List<Integer> found = new ArrayList<>();
        AtomicBoolean stopping = new AtomicBoolean();

        new WorkerLoop("Test worker", 1, 1, LOG).run(stopping::get, () -> {
            Object next = script.remove(0);
            if (script.isEmpty()) {
                stopping.set(true);
            }
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            found.add((Integer) next);
            return (Integer) next;
        });

        assertThat(found).containsExactly(3, 1, 0, 2, 0);
        assertThat(script).isEmpty();
    }

    @Test
    void sleepsAfterSoManyStepsInARowEvenWithWorkLeft() {
        List<Long> stepAt = new ArrayList<>();
        AtomicBoolean stopping = new AtomicBoolean();

        new WorkerLoop("Test worker", 300, 1, 3, LOG).run(stopping::get, () -> {
            stepAt.add(System.nanoTime());
            if (stepAt.size() == 7) {
                stopping.set(true);
            }
            return 1;
        });

        // always work left: 3 steps, a sleep of the poll interval, 3 steps, a sleep, the 7th sees the stop
        assertThat(stepAt).hasSize(7);
        assertThat(stepAt.get(3) - stepAt.get(2)).isGreaterThanOrEqualTo(300_000_000L);
        assertThat(stepAt.get(6) - stepAt.get(5)).isGreaterThanOrEqualTo(300_000_000L);
    }

    @Test
    void aGatheringWorkerSleepsAfterAStepThatFoundLessThanAFullOne() {
        // what each call finds against a full step of 5: full, full, short (sleep), full, nothing (sleep), full
        List<Integer> script = new ArrayList<>(List.of(5, 7, 2, 5, 0, 6));
        List<Long> stepAt = new ArrayList<>();
        AtomicBoolean stopping = new AtomicBoolean();

        WorkerLoop.gathering("Test worker", 300, 1, 5, LOG).run(stopping::get, () -> {
            stepAt.add(System.nanoTime());
            int next = script.remove(0);
            if (script.isEmpty()) {
                stopping.set(true);
            }
            return next;
        });

        assertThat(stepAt).hasSize(6);
        assertThat(stepAt.get(1) - stepAt.get(0))
                .as("after a full step: at once")
                .isLessThan(300_000_000L);
        assertThat(stepAt.get(2) - stepAt.get(1)).isLessThan(300_000_000L);
        assertThat(stepAt.get(3) - stepAt.get(2))
                .as("after a short step: the poll")
                .isGreaterThanOrEqualTo(300_000_000L);
        assertThat(stepAt.get(5) - stepAt.get(4)).as("after nothing: the poll").isGreaterThanOrEqualTo(300_000_000L);
    }

    @Test
    void anInterruptionEndsTheWorker() throws InterruptedException {
        AtomicInteger steps = new AtomicInteger();
        Thread worker = new Thread(() -> new WorkerLoop("Test worker", 60_000, 60_000, LOG).run(() -> false, () -> {
            steps.incrementAndGet();
            return 0;
        }));
        worker.start();
        while (steps.get() == 0) {
            Thread.onSpinWait();
        }
        worker.interrupt();
        worker.join(10_000);

        assertThat(worker.isAlive()).isFalse();
    }
}
