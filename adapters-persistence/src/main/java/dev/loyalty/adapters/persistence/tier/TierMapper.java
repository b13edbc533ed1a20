package dev.loyalty.adapters.persistence.tier;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.tier.StoredTierProgramme;
import dev.loyalty.application.tier.TierHistoryEntry;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.tier.CustomerTier;
import dev.loyalty.domain.tier.Tier;
import dev.loyalty.domain.tier.TierChangeCause;
import dev.loyalty.domain.tier.TierMetric;
import dev.loyalty.domain.tier.TierProgramme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Translates the tier programme, standings and history to and from their rows. */
final class TierMapper {

    private TierMapper() {}

    static TierProgrammeJpaEntity toRow(TierProgramme programme, long version, Instant at, String by) {
        TierProgrammeJpaEntity row = new TierProgrammeJpaEntity();
        row.id = TierProgrammeJpaEntity.ID;
        row.metric = programme.metric().name();
        row.windowMonths = programme.windowMonths();
        row.graceDays = programme.graceDays();
        row.reviewMonths = programme.reviewMonths();
        row.downgradeOneStep = programme.downgradeOneStep();
        row.version = version;
        row.changedAt = UtcTimes.utc(at);
        row.changedBy = by;
        return row;
    }

    /**
     * A {@code tier_level} row: one tier at its position (0 for the first). Read and written with
     * native SQL: EclipseLink would take a primary key of 0 for none.
     */
    record Level(int position, String name, long threshold, int earnMultiplierPercent) {}

    static List<Level> levels(TierProgramme programme) {
        List<Level> rows = new ArrayList<>();
        for (int i = 0; i < programme.tiers().size(); i++) {
            Tier tier = programme.tier(i);
            rows.add(new Level(i, tier.name(), tier.threshold(), tier.earnMultiplierPercent()));
        }
        return rows;
    }

    static StoredTierProgramme toDomain(TierProgrammeJpaEntity row, List<Level> levels) {
        List<Tier> tiers = levels.stream()
                .sorted(Comparator.comparingInt(Level::position))
                .map(level -> new Tier(level.name(), level.threshold(), level.earnMultiplierPercent()))
                .toList();
        TierProgramme programme = new TierProgramme(
                TierMetric.valueOf(row.metric),
                row.windowMonths,
                row.graceDays,
                row.reviewMonths,
                row.downgradeOneStep,
                tiers);
        return new StoredTierProgramme(programme, row.version, UtcTimes.instant(row.changedAt), row.changedBy);
    }

    static CustomerTier toDomain(CustomerTierJpaEntity row) {
        return CustomerTier.reconstitute(
                CustomerId.parse(row.customerId),
                row.tier,
                UtcTimes.instant(row.since),
                UtcTimes.instant(row.reviewAt),
                UtcTimes.instant(row.heldUntil),
                row.version);
    }

    static TierChangeJpaEntity toRow(TierHistoryEntry entry) {
        TierChangeJpaEntity row = new TierChangeJpaEntity();
        row.customerId = entry.customerId().toString();
        row.fromTier = entry.from();
        row.toTier = entry.to();
        row.cause = entry.cause().name();
        row.qualifying = entry.qualifying();
        row.reference = entry.reference();
        row.actor = entry.actor();
        row.reason = entry.reason();
        row.heldUntil = UtcTimes.utc(entry.heldUntil());
        row.occurredAt = UtcTimes.utc(entry.occurredAt());
        return row;
    }

    static TierHistoryEntry toDomain(TierChangeJpaEntity row) {
        return new TierHistoryEntry(
                CustomerId.parse(row.customerId),
                row.fromTier,
                row.toTier,
                TierChangeCause.valueOf(row.cause),
                row.qualifying,
                row.reference,
                row.actor,
                row.reason,
                UtcTimes.instant(row.heldUntil),
                UtcTimes.instant(row.occurredAt));
    }
}
