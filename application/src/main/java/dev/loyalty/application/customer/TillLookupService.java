package dev.loyalty.application.customer;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.tier.TierProgrammes;
import dev.loyalty.application.tier.TierQuery;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.tier.TierStanding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/**
 * The till's lookup: the customer, balance and pending points in one read of committed state, no
 * transaction; the tier standing only when a tier programme exists (the programme is a cached read),
 * then in its own read-only transaction so the standing and its qualifying history agree.
 */
@ApplicationScoped
public class TillLookupService implements TillLookupQuery {

    private final CustomerSummaries summaries;
    private final TierProgrammes programmes;
    private final TierQuery tiers;

    /** For CDI's proxy only. */
    protected TillLookupService() {
        this(null, null, null);
    }

    @Inject
    public TillLookupService(CustomerSummaries summaries, TierProgrammes programmes, TierQuery tiers) {
        this.summaries = summaries;
        this.programmes = programmes;
        this.tiers = tiers;
    }

    @Override
    public TillLookup lookup(CustomerLookup criteria, Actor actor) {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(actor, "actor");
        CustomerSummary found = summaries
                .lookup(criteria)
                .filter(summary -> actor.maySee(summary.customer().id()))
                .orElseThrow(CustomerNotFoundException::new);
        Optional<TierStanding> tier = programmes.current().isEmpty()
                ? Optional.empty()
                : tiers.standing(found.customer().id(), actor);
        return new TillLookup(found, tier);
    }
}
