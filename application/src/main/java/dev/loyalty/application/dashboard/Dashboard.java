package dev.loyalty.application.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The programme's figures at one instant.
 *
 * @param at when they were counted
 * @param members customers enrolled (erased ones included: their books remain)
 * @param activeCustomers customers with a purchase or an event in the 30 days before {@code at}
 * @param pointsOutstanding the points in every wallet (the liability)
 * @param pointsExpiringNextMonth points of unconsumed lots (FIFO) expiring in the next calendar month (UTC)
 * @param weeks the last weeks, oldest first
 * @param messagesByStatus every message by status (QUEUED, SENT, DELIVERED, FAILED, SUPPRESSED)
 * @param suppressedByReason suppressed messages by their reason
 * @param reactionsBacklog customers' events still to be reacted to
 * @param parkedEvents events whose reactions failed too often and wait for an administrator
 */
public record Dashboard(
        Instant at,
        long members,
        long activeCustomers,
        long pointsOutstanding,
        long pointsExpiringNextMonth,
        List<Week> weeks,
        Map<String, Long> messagesByStatus,
        Map<String, Long> suppressedByReason,
        long reactionsBacklog,
        long parkedEvents) {

    /** Checks the components and copies the collections. */
    public Dashboard {
        Objects.requireNonNull(at, "at");
        weeks = List.copyOf(weeks);
        messagesByStatus = Map.copyOf(messagesByStatus);
        suppressedByReason = Map.copyOf(suppressedByReason);
    }

    /**
     * One week's figures (weeks start on Monday, UTC).
     *
     * @param start its Monday
     * @param members customers enrolled at its end (or now, for the current week)
     * @param newMembers customers enrolled during it
     * @param couponsIssued coupons issued during it
     * @param couponsRedeemed coupons redeemed during it
     */
    public record Week(LocalDate start, long members, long newMembers, long couponsIssued, long couponsRedeemed) {
        /** Checks the components. */
        public Week {
            Objects.requireNonNull(start, "start");
        }
    }
}
