package dev.loyalty.application.metrics;

import dev.loyalty.domain.customer.CustomerId;
import java.util.List;
import java.util.Optional;

/**
 * The single customer view as read: the stored metrics (empty for a customer without purchases or
 * events), the days since the last purchase as of the read, the categories and the last purchases
 * per SKU, and the window the metrics are computed over.
 */
public record CustomerProfile(
        CustomerId customerId,
        Optional<CustomerMetrics> metrics,
        Optional<Long> recencyDays,
        List<CategoryMetric> categories,
        List<SkuPurchase> lastPurchases,
        int windowMonths) {

    public CustomerProfile {
        categories = List.copyOf(categories);
        lastPurchases = List.copyOf(lastPurchases);
    }
}
