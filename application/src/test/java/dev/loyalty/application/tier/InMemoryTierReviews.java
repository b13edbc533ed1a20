package dev.loyalty.application.tier;

import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.tier.CustomerTier;
import dev.loyalty.domain.tier.QualifyingWindow;
import dev.loyalty.domain.tier.TierChangeCause;
import dev.loyalty.domain.tier.TierChanged;
import dev.loyalty.domain.tier.TierMovement;
import dev.loyalty.domain.tier.TierMovementPolicy;
import dev.loyalty.domain.tier.TierProgramme;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The review done customer by customer with the domain's {@link TierMovementPolicy}: the
 * specification the set-based SQL review is held to by {@link TierReviewsContract}. Reviews the
 * customers that have a standing or activity (the others never move).
 */
public final class InMemoryTierReviews implements TierReviews {

    private static final TierMovementPolicy POLICY = new TierMovementPolicy();

    private final InMemoryTierProgrammes programmes;
    private final InMemoryCustomerTiers tiers;
    private final InMemoryQualifyingActivity activity;
    private final DomainEventLog events;
    private final Map<Instant, Run> runs = new HashMap<>();

    private static final class Run {
        String cursor = "";
        long customers;
        long upgraded;
        long downgraded;
        long renewed;
        long placed;
        boolean finished;

        ReviewProgress progress(Instant at) {
            return new ReviewProgress(at, customers, upgraded, downgraded, renewed, placed, finished);
        }
    }

    public InMemoryTierReviews(
            InMemoryTierProgrammes programmes,
            InMemoryCustomerTiers tiers,
            InMemoryQualifyingActivity activity,
            DomainEventLog events) {
        this.programmes = programmes;
        this.tiers = tiers;
        this.activity = activity;
        this.events = events;
    }

    @Override
    public synchronized ReviewProgress reviewNextBatch(Instant at, int batchSize) {
        Optional<StoredTierProgramme> stored = programmes.current();
        if (stored.isEmpty()) {
            return new ReviewProgress(at, 0, 0, 0, 0, 0, true);
        }
        TierProgramme programme = stored.get().programme();
        Run run = runs.computeIfAbsent(at, key -> new Run());
        if (run.finished) {
            return run.progress(at);
        }
        TreeSet<String> ids = new TreeSet<>(Comparator.naturalOrder());
        tiers.customers().forEach(id -> ids.add(id.toString()));
        activity.customers().forEach(id -> ids.add(id.toString()));
        List<String> batch =
                ids.tailSet(run.cursor, false).stream().limit(batchSize).toList();
        if (batch.isEmpty()) {
            run.finished = true;
            return run.progress(at);
        }
        QualifyingWindow window = programme.windowAt(at);
        for (String text : batch) {
            CustomerId id = CustomerId.parse(text);
            CustomerTier standing = tiers.byCustomer(id).orElseGet(() -> CustomerTier.starting(id, programme));
            long qualifying =
                    activity.history(id, programme.metric(), window.first()).in(window);
            TierMovement movement = POLICY.atReview(programme, standing, qualifying, at);
            run.customers++;
            if (movement instanceof TierMovement.Stay) {
                continue;
            }
            if (standing.isNew()) {
                standing = tiers.lockedOrStarted(id, programme, at);
            }
            int before = programme.rankOf(standing.tierName()).orElse(-1);
            long version = standing.version();
            Optional<TierChanged> change = standing.apply(programme, movement, at);
            if (!tiers.saveIfVersion(standing, version)) {
                continue;
            }
            if (movement instanceof TierMovement.Renew) {
                run.renewed++;
            } else if (change.orElseThrow().cause() == TierChangeCause.PROGRAMME) {
                run.placed++;
            } else if (programme.rankOf(change.get().to()).orElseThrow() > before) {
                run.upgraded++;
            } else {
                run.downgraded++;
            }
            change.ifPresent(changed -> {
                tiers.record(new TierHistoryEntry(
                        id,
                        changed.from(),
                        changed.to(),
                        changed.cause(),
                        qualifying,
                        "review:" + at,
                        null,
                        null,
                        null,
                        at));
                events.append(changed);
            });
        }
        run.cursor = batch.get(batch.size() - 1);
        return run.progress(at);
    }
}
