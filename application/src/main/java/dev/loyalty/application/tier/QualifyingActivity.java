package dev.loyalty.application.tier;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.tier.QualifyingHistory;
import dev.loyalty.domain.tier.TierMetric;
import java.time.YearMonth;

/**
 * Driven port: each customer's qualifying activity per calendar month (UTC), both metrics at once,
 * so that a programme set or changed later sees the history. Kept from every purchase, programme
 * or not; a refund is counted, negatively, in the month of the purchase it refunds. Written under
 * the customer's wallet lock, in the transaction of the purchase or refund.
 */
public interface QualifyingActivity {

    /**
     * Adds to a month's amounts (negative amounts take away).
     *
     * @param customerId the customer
     * @param month the month of the purchase
     * @param netSpendCents the net spent, in cents
     * @param pointsEarned the points earned
     */
    void add(CustomerId customerId, YearMonth month, long netSpendCents, long pointsEarned);

    /**
     * @param customerId the customer
     * @param metric which amounts
     * @param from the oldest month wanted
     * @return the customer's amounts of {@code from} and later months
     */
    QualifyingHistory history(CustomerId customerId, TierMetric metric, YearMonth from);
}
