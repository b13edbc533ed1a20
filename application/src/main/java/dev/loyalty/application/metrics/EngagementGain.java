package dev.loyalty.application.metrics;

import dev.loyalty.domain.customer.CustomerId;
import java.util.Optional;

/**
 * What one event adds to its customer's engagement score, unless it is about a message that was
 * suppressed.
 *
 * @param customer whose score it adds to
 * @param weight the weight of the event's type (non-zero)
 * @param messageId the message the event is about, if it names one
 */
public record EngagementGain(CustomerId customer, int weight, Optional<String> messageId) {

    public EngagementGain {
        if (customer == null || messageId == null) {
            throw new IllegalArgumentException("a gain has its customer and (optional) message");
        }
    }
}
