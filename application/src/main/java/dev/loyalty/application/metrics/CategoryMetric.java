package dev.loyalty.application.metrics;

import java.time.Instant;
import java.util.Optional;

/**
 * A customer's spend on a category in the window (cents), its share of the customer's category
 * spend (parts per million), the last purchase of the category ever, and its name in the
 * catalogue, if listed.
 */
public record CategoryMetric(
        String category, Optional<String> name, long spend, long shareppm, Instant lastPurchaseAt) {}
