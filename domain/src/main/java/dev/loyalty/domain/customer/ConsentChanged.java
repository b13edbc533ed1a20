package dev.loyalty.domain.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer granted or withdrew consent for one purpose; the matching {@link ConsentEvidence}
 * was recorded. Type {@value #TYPE}.
 *
 * @param customerId the customer
 * @param purpose the purpose
 * @param granted the new decision
 * @param source who collected it
 * @param occurredAt when
 */
public record ConsentChanged(
        CustomerId customerId, ConsentPurpose purpose, boolean granted, String source, Instant occurredAt)
        implements CustomerEvent {

    /** The event name. */
    public static final String TYPE = "CONSENT_CHANGED";

    /** Checks the components. */
    public ConsentChanged {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
