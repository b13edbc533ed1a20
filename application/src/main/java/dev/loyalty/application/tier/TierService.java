package dev.loyalty.application.tier;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.account.Wallets;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.tier.CustomerTier;
import dev.loyalty.domain.tier.QualifyingHistory;
import dev.loyalty.domain.tier.Tier;
import dev.loyalty.domain.tier.TierChangeCause;
import dev.loyalty.domain.tier.TierChanged;
import dev.loyalty.domain.tier.TierProgramme;
import dev.loyalty.domain.tier.TierProgrammeMissingException;
import dev.loyalty.domain.tier.TierStanding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tier programme's use cases: the console sets the programme, overrides a customer's tier
 * (under the customer's wallet lock, so it queues with their purchases) and runs the review;
 * everyone reads the programme; a customer reads only their own standing.
 */
@ApplicationScoped
public class TierService implements TierProgrammeUseCases, OverrideTierUseCase, TierQuery, ReviewTiersUseCase {

    /** What a caller other than an administrator is told. */
    private static final String ADMIN_ONLY = "only an administrator manages tiers";

    private final TierProgrammes programmes;
    private final CustomerTiers tiers;
    private final TierMovements movements;
    private final Customers customers;
    private final Wallets wallets;
    private final TierReviewJob reviews;
    private final ServiceEvents serviceEvents;
    private final DomainEventLog events;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected TierService() {
        this(null, null, null, null, null, null, null, null, null);
    }

    @Inject
    public TierService(
            TierProgrammes programmes,
            CustomerTiers tiers,
            TierMovements movements,
            Customers customers,
            Wallets wallets,
            TierReviewJob reviews,
            DomainEventLog events,
            ServiceEvents serviceEvents,
            Clock clock) {
        this.serviceEvents = serviceEvents;
        this.programmes = programmes;
        this.tiers = tiers;
        this.movements = movements;
        this.customers = customers;
        this.wallets = wallets;
        this.reviews = reviews;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public StoredTierProgramme define(TierProgramme programme, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return programmes.replace(programme, clock.instant(), actor.subject());
    }

    @Override
    public Optional<StoredTierProgramme> current(Actor actor) {
        return programmes.current();
    }

    @Override
    @Transactional
    public Optional<TierStanding> standing(CustomerId customerId, Actor actor) {
        visible(customerId, actor);
        Optional<StoredTierProgramme> stored = programmes.current();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        TierProgramme programme = stored.get().programme();
        Instant now = clock.instant();
        CustomerTier standing =
                tiers.byCustomer(customerId).orElseGet(() -> CustomerTier.starting(customerId, programme));
        QualifyingHistory history = movements.historyFor(customerId, programme, standing, now);
        return Optional.of(TierStanding.of(programme, standing, history, now));
    }

    @Override
    @Transactional
    public List<TierHistoryEntry> history(CustomerId customerId, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        visible(customerId, actor);
        return tiers.history(customerId, HISTORY_LIMIT);
    }

    @Override
    @Transactional
    public TierStanding override(OverrideTierCommand command) {
        command.actor().requireAdmin(ADMIN_ONLY);
        TierProgramme programme = programme("an override");
        CustomerId customerId = command.customerId();
        visible(customerId, command.actor());
        Tier to = programme
                .tierNamed(command.tier())
                .orElseThrow(() -> new InvalidValueException(
                        "tier",
                        "the programme has no tier " + command.tier().strip() + "; its tiers are "
                                + programme.tiers().stream().map(Tier::name).collect(Collectors.joining(", "))));
        Instant now = clock.instant();
        wallets.lockedHead(customerId);
        CustomerTier standing = tiers.lockedOrStarted(customerId, programme, now);
        QualifyingHistory history = movements.historyFor(customerId, programme, standing, now);
        String from = standing.tierIn(programme).map(Tier::name).orElse(standing.tierName());
        Optional<TierChanged> change = standing.override(programme, to, command.until(), now);
        tiers.save(standing);
        tiers.record(new TierHistoryEntry(
                customerId,
                from,
                to.name(),
                TierChangeCause.ADMIN,
                history.in(programme.windowAt(now)),
                null,
                command.actor().subject(),
                command.reason(),
                command.until(),
                now));
        change.ifPresent(changed -> {
            events.append(changed);
            serviceEvents.tierChanged(changed, null, now);
        });
        return TierStanding.of(programme, standing, history, now);
    }

    @Override
    public ReviewProgress review(Instant at, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        programme("a review");
        // the instant names the run, kept to the microsecond as the database does
        return reviews.run((at == null ? clock.instant() : at).truncatedTo(ChronoUnit.MICROS));
    }

    private TierProgramme programme(String what) {
        return programmes
                .current()
                .map(StoredTierProgramme::programme)
                .orElseThrow(() -> new TierProgrammeMissingException(
                        what + " needs a tier programme: set one with PUT /tiers first"));
    }

    private void visible(CustomerId customerId, Actor actor) {
        if (!actor.maySee(customerId) || !customers.exists(customerId)) {
            throw new CustomerNotFoundException(customerId);
        }
    }
}
