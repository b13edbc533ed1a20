package dev.loyalty.application.tier;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.tier.QualifyingHistory;
import dev.loyalty.domain.tier.TierMetric;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Monthly qualifying amounts in memory, for service tests. Thread-safe. */
public final class InMemoryQualifyingActivity implements QualifyingActivity {

    private record Key(CustomerId customerId, YearMonth month) {}

    private record Amounts(long netSpend, long points) {}

    private final Map<Key, Amounts> months = new HashMap<>();

    @Override
    public synchronized void add(CustomerId customerId, YearMonth month, long netSpendCents, long pointsEarned) {
        months.merge(
                new Key(customerId, month),
                new Amounts(netSpendCents, pointsEarned),
                (a, b) -> new Amounts(a.netSpend() + b.netSpend(), a.points() + b.points()));
    }

    @Override
    public synchronized QualifyingHistory history(CustomerId customerId, TierMetric metric, YearMonth from) {
        Map<YearMonth, Long> byMonth = new HashMap<>();
        months.forEach((key, amounts) -> {
            if (key.customerId().equals(customerId) && !key.month().isBefore(from)) {
                byMonth.put(key.month(), metric == TierMetric.NET_SPEND ? amounts.netSpend() : amounts.points());
            }
        });
        return new QualifyingHistory(byMonth);
    }

    synchronized List<CustomerId> customers() {
        return months.keySet().stream().map(Key::customerId).distinct().toList();
    }
}
