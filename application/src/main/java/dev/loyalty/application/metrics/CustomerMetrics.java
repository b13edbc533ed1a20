package dev.loyalty.application.metrics;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.Optional;

/**
 * A customer's stored metrics (see {@code V12__customer_knowledge.sql}): amounts in cents, visits
 * per month in hundredths, RFM scores 1-5 (empty when the customer has no purchase in the window or
 * no rebuild has set cut points yet).
 */
public record CustomerMetrics(
        CustomerId customerId,
        Optional<Instant> firstPurchaseAt,
        Optional<Instant> lastPurchaseAt,
        long frequency,
        long monetary,
        long averageBasket,
        long visitsPerMonthX100,
        long lifetimeValue,
        long lifetimeVisits,
        Optional<String> homeStore,
        Optional<Integer> rfmR,
        Optional<Integer> rfmF,
        Optional<Integer> rfmM,
        long engagement,
        Instant computedAt) {}
