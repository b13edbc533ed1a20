package dev.loyalty.application.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The version of what the reactions read on every event (the active rules, the missions), as the
 * caches of those read it: once per batch of reactions ({@link #during}), else on every call. A
 * change bumps it in its own transaction, so a cache keyed by it is exact on every instance from the
 * next batch on.
 */
@ApplicationScoped
public class ReactionSettingsVersions {

    private final ReactionSettingsVersion version;
    private final ThreadLocal<Long> batch = new ThreadLocal<>();

    /** For CDI's proxy only. */
    protected ReactionSettingsVersions() {
        this(null);
    }

    @Inject
    public ReactionSettingsVersions(ReactionSettingsVersion version) {
        this.version = version;
    }

    /** @return versions that move on every read: caches keyed by them read afresh every time */
    public static ReactionSettingsVersions uncached() {
        AtomicLong next = new AtomicLong();
        return new ReactionSettingsVersions(next::incrementAndGet);
    }

    /**
     * Runs a batch of reactions with the version committed now, read once.
     *
     * @param work the batch, in the caller's transaction and thread
     * @return what it returns
     */
    public <T> T during(Supplier<T> work) {
        Long outer = batch.get();
        batch.set(version.current());
        try {
            return work.get();
        } finally {
            if (outer == null) {
                batch.remove();
            } else {
                batch.set(outer);
            }
        }
    }

    /** @return the batch's version, or the one committed now outside a batch */
    public long current() {
        Long bound = batch.get();
        return bound != null ? bound : version.current();
    }
}
