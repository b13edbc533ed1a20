package dev.loyalty.domain.tier;

import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A customer's qualifying amounts per calendar month (UTC) on one metric: net of refunds, each
 * refund counted in the month of the purchase it refunds. Immutable; a month not listed counts 0.
 *
 * @param byMonth the amount of each month
 */
public record QualifyingHistory(Map<YearMonth, Long> byMonth) {

    /** Copies the months, sorted. */
    public QualifyingHistory {
        Objects.requireNonNull(byMonth, "byMonth");
        byMonth = Collections.unmodifiableSortedMap(new TreeMap<>(byMonth));
    }

    /** @return no activity at all */
    public static QualifyingHistory none() {
        return new QualifyingHistory(Map.of());
    }

    /**
     * @param window the months that count
     * @return the qualifying amount over them, never below zero
     */
    public long in(QualifyingWindow window) {
        long sum = 0;
        for (Map.Entry<YearMonth, Long> month : byMonth.entrySet()) {
            if (window.contains(month.getKey())) {
                sum = Math.addExact(sum, month.getValue());
            }
        }
        return Math.max(0, sum);
    }
}
