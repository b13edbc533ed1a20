package dev.loyalty.application.campaign;

import dev.loyalty.application.messaging.MessagingSettings;
import dev.loyalty.application.metrics.CurrentMetrics;
import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignType;
import dev.loyalty.domain.campaign.Replenishment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The targets of REPLENISHMENT runs: the customers due on the run's day (its slot's day in the
 * programme's zone) for one of the campaign's products, each purchase cycle an occasion of its own,
 * so a customer is offered once per cycle however many runs see it. The offer is about the product
 * ({@code scopeSku}) for {@code SAME}, about the proposed category ({@code scopeCategory}) for
 * {@code CROSS_SELL}: the evaluation counts a responder only by a purchase that includes it.
 * Pages follow the customer id. The customers' metrics due are brought up to date when a run is
 * prepared.
 */
@ApplicationScoped
public class ReplenishmentRunTargets implements CampaignTargets {

    private final ReplenishmentTargets targets;
    private final Supplier<ZoneId> zone;
    private final CurrentMetrics metrics;

    /** For CDI's proxy only. */
    protected ReplenishmentRunTargets() {
        this.targets = null;
        this.zone = null;
        this.metrics = null;
    }

    /** The programme's zone is the messaging's default one (where "today" is for the customers). */
    @Inject
    public ReplenishmentRunTargets(ReplenishmentTargets targets, MessagingSettings settings, CurrentMetrics metrics) {
        this.targets = targets;
        this.zone = () -> settings.zoneOf(Optional.empty());
        this.metrics = metrics;
    }

    /** For tests: the programme's zone given, no metrics due. */
    public ReplenishmentRunTargets(ReplenishmentTargets targets, ZoneId zone) {
        this.targets = targets;
        this.zone = () -> zone;
        this.metrics = CurrentMetrics.NONE;
    }

    @Override
    public boolean handles(CampaignType type) {
        return type == CampaignType.REPLENISHMENT;
    }

    @Override
    public Prepared prepare(Campaign campaign, CampaignRun run, Instant at) {
        // the SKU rows of the customers who bought until now, before the run counts and pages them
        metrics.settle();
        return new Prepared(Optional.empty(), targets.count(replenishment(campaign), day(run)));
    }

    @Override
    public List<RunTarget> page(Campaign campaign, CampaignRun run, String after, int limit) {
        Replenishment replenishment = replenishment(campaign);
        boolean same = replenishment.propose() == Replenishment.Proposal.SAME;
        return targets.due(replenishment, day(run), after, limit).stream()
                .map(target -> new RunTarget(
                        target.customer(),
                        target.occasion(),
                        same ? Optional.of(target.sku()) : Optional.empty(),
                        same ? Optional.empty() : Optional.of(target.proposedCategory()),
                        target.customer().toString()))
                .toList();
    }

    private LocalDate day(CampaignRun run) {
        return LocalDate.ofInstant(run.scheduledFor(), zone.get());
    }

    private static Replenishment replenishment(Campaign campaign) {
        return campaign.definition()
                .replenishment()
                .orElseThrow(() -> new IllegalStateException("a REPLENISHMENT campaign names its products"));
    }
}
