package dev.loyalty.adapters.web.event;

import dev.loyalty.application.activity.ActivityLog;
import dev.loyalty.application.event.EventReceipt;
import dev.loyalty.domain.customer.CustomerId;
import java.util.List;

/**
 * What became of a pushed event.
 *
 * @param eventId the event
 * @param status ACCEPTED (rules and missions react shortly), PROSPECT (kept until the e-mail or
 *     phone enrols) or DUPLICATE (taken in before; nothing happened again)
 * @param customerId the customer, when known
 */
public record EventView(String eventId, String status, String customerId) {

    static EventView of(EventReceipt receipt) {
        return new EventView(
                receipt.eventId(),
                receipt.status().name(),
                receipt.customerId().map(CustomerId::toString).orElse(null));
    }

    /**
     * Events whose reactions failed for good.
     *
     * @param items the events, newest first
     */
    public record ParkedList(List<ActivityLog.ParkedActivity> items) {}
}
