package dev.loyalty.application.tier;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.tier.TierProgramme;
import java.util.Optional;

/**
 * Driving port: the console sets the tier programme ({@code PUT /tiers}) and anyone reads it (the
 * rules are no secret).
 */
public interface TierProgrammeUseCases {

    /**
     * Sets the programme, replacing any earlier one. Customers keep their tier when the new
     * programme still has a tier of that name (regardless of case); a customer whose tier it no
     * longer has is in the tier their qualifying amount reaches, and is placed there at their next
     * purchase or review. New thresholds move customers up at their next purchase or review, and
     * down only at their review date.
     *
     * @return the programme as stored
     * @throws dev.loyalty.domain.shared.AccessDeniedException for anyone but an administrator
     */
    StoredTierProgramme define(TierProgramme programme, Actor actor);

    /** @return the programme in force, empty before the first is set */
    Optional<StoredTierProgramme> current(Actor actor);
}
