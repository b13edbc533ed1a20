package dev.loyalty.application.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened to a customer.
 *
 * @param at when
 * @param kind EVENT, POINTS, PENDING_POINTS (a step of an order's pending points: PENDING, POSTED,
 *     VOIDED), COUPON, MESSAGE, TIER, ANSWER (a current answer to a question)
 * @param type what, within the kind (PURCHASE_RECORDED, EARN, COUPON_ISSUED...)
 * @param summary one line for the console
 * @param reference what it refers to (event id, purchase, coupon code...)
 * @param details its facts
 */
public record TimelineEntry(
        Instant at, String kind, String type, String summary, String reference, Map<String, Object> details) {

    /** Checks the components. */
    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        details = Map.copyOf(details);
    }
}
