package dev.loyalty.application.tier;

import dev.loyalty.domain.tier.TierProgramme;
import java.time.Instant;
import java.util.Optional;

/** The tier programme in memory, for service tests. Thread-safe. */
public final class InMemoryTierProgrammes implements TierProgrammes {

    private StoredTierProgramme current;

    @Override
    public synchronized Optional<StoredTierProgramme> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public synchronized StoredTierProgramme replace(TierProgramme programme, Instant at, String by) {
        current = new StoredTierProgramme(programme, current == null ? 1 : current.version() + 1, at, by);
        return current;
    }
}
