package dev.loyalty.application.tier;

import dev.loyalty.domain.tier.TierProgramme;
import java.time.Instant;
import java.util.Optional;

/** Driven port: the one tier programme, absent until an administrator first sets it. */
public interface TierProgrammes {

    /** @return the programme in force, empty before the first one is set */
    Optional<StoredTierProgramme> current();

    /**
     * Replaces the programme (or sets the first) in the caller's transaction.
     *
     * @param programme the new programme
     * @param at when
     * @param by the administrator
     * @return it as stored
     */
    StoredTierProgramme replace(TierProgramme programme, Instant at, String by);
}
