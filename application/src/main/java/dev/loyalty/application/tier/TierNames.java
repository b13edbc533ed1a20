package dev.loyalty.application.tier;

import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.tier.Tier;
import dev.loyalty.domain.tier.TierProgramme;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the tiers a coupon template or a reward is kept for against the programme in force, so
 * that a typo does not make a coupon nobody can use.
 */
public final class TierNames {

    private TierNames() {}

    /**
     * @param programmes the programme in force
     * @param names the tiers named (empty: for everyone, always accepted)
     * @throws InvalidValueException (field {@code tiers}) when there is no programme or it has no
     *     tier of one of the names
     */
    public static void requireKnown(TierProgrammes programmes, Set<String> names) {
        if (names.isEmpty()) {
            return;
        }
        TierProgramme programme = programmes
                .current()
                .map(StoredTierProgramme::programme)
                .orElseThrow(() -> new InvalidValueException(
                        "tiers", "there is no tier programme yet: set one with PUT /tiers first"));
        for (String name : names) {
            if (programme.rankOf(name).isEmpty()) {
                throw new InvalidValueException(
                        "tiers",
                        "the programme has no tier " + name + "; its tiers are "
                                + programme.tiers().stream().map(Tier::name).collect(Collectors.joining(", ")));
            }
        }
    }
}
