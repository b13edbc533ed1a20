package dev.loyalty.application.campaign;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;

/**
 * A customer due for a replenishment offer on a day.
 *
 * @param customer who
 * @param sku the product they bought and are running out of
 * @param category that product's category
 * @param lastPurchaseAt their last purchase of it
 * @param proposedCategory what the offer is about: the product's category ({@code SAME}) or the
 *     category the catalogue maps to it ({@code CROSS_SELL})
 * @param occasion the purchase cycle, unique per customer within a campaign (the member's key: a
 *     customer is offered at most once per cycle, however many runs see them)
 */
public record ReplenishmentTarget(
        CustomerId customer,
        String sku,
        String category,
        Instant lastPurchaseAt,
        String proposedCategory,
        String occasion) {}
