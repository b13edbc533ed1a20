package dev.loyalty.adapters.web.tier;

import dev.loyalty.application.tier.TierHistoryEntry;
import java.util.List;

/** A customer's tier changes, newest first: what, why, on what amount, by whom and with what reason. */
public record TierHistoryView(List<Item> items) {

    static TierHistoryView of(List<TierHistoryEntry> entries) {
        return new TierHistoryView(entries.stream().map(Item::of).toList());
    }

    /** One change. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TierHistoryItem")
    public record Item(
            String from,
            String to,
            String cause,
            Long qualifying,
            String reference,
            String actor,
            String reason,
            String heldUntil,
            String occurredAt) {

        /** @return the view of one change */
        public static Item of(TierHistoryEntry entry) {
            return new Item(
                    entry.from(),
                    entry.to(),
                    entry.cause().name(),
                    entry.qualifying(),
                    entry.reference(),
                    entry.actor(),
                    entry.reason(),
                    entry.heldUntil() == null ? null : entry.heldUntil().toString(),
                    entry.occurredAt().toString());
        }
    }
}
