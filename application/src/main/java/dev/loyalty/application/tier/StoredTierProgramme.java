package dev.loyalty.application.tier;

import dev.loyalty.domain.tier.TierProgramme;
import java.time.Instant;
import java.util.Objects;

/**
 * The tier programme in force and who set it when.
 *
 * @param programme the programme
 * @param version 1 for the first programme, one more at each change
 * @param changedAt when it was last set
 * @param changedBy the administrator who set it (the token's subject)
 */
public record StoredTierProgramme(TierProgramme programme, long version, Instant changedAt, String changedBy) {

    /** Checks the components. */
    public StoredTierProgramme {
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(changedBy, "changedBy");
    }
}
