package dev.loyalty.application.tier;

import dev.loyalty.application.activity.InMemoryActivityLog;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.shared.DomainEventLog;

/** The tier ports in memory, and {@link TierMovements} over them, for the services' tests. */
public final class TierFakes {

    public final InMemoryTierProgrammes programmes = new InMemoryTierProgrammes();
    public final InMemoryCustomerTiers tiers = new InMemoryCustomerTiers();
    public final InMemoryQualifyingActivity activity = new InMemoryQualifyingActivity();

    /** @return the movements over these fakes, publishing to {@code events} */
    public TierMovements movements(DomainEventLog events) {
        return new TierMovements(programmes, tiers, activity, events, new ServiceEvents(new InMemoryActivityLog()));
    }
}
