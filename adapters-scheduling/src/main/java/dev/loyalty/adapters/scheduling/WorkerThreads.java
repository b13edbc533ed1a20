package dev.loyalty.adapters.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/** The polling threads of one kind of worker on this instance: started together, stopped together. */
final class WorkerThreads {

    private final List<Thread> running = new ArrayList<>();
    private volatile boolean stopping;

    /**
     * Starts {@code count} daemon threads from the container's factory (so transactions work in
     * them), named {@code name} or {@code name-i}, each running the loop over its own step.
     *
     * @param step the step of thread {@code i}
     */
    void start(ThreadFactory factory, String name, int count, WorkerLoop loop, IntFunction<IntSupplier> step) {
        for (int i = 0; i < count; i++) {
            IntSupplier mine = step.apply(i);
            Thread thread = factory.newThread(() -> loop.run(() -> stopping, mine));
            thread.setName(count == 1 ? name : name + "-" + i);
            thread.setDaemon(true);
            running.add(thread);
            thread.start();
        }
    }

    /** @return how many were started */
    int size() {
        return running.size();
    }

    /** Tells them to stop, interrupts their sleep and waits up to 5 s for each. */
    void stop() {
        stopping = true;
        running.forEach(Thread::interrupt);
        for (Thread thread : running) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
