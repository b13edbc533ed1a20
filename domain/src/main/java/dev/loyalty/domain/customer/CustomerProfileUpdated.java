package dev.loyalty.domain.customer;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Profile fields of a customer changed; lists their JSON names (e.g. {@code email},
 * {@code preferredChannel}), never their values. Consent decisions are reported by
 * {@link ConsentChanged} instead. Type {@value #TYPE}.
 *
 * @param customerId the customer
 * @param changedFields the fields whose value changed, non-empty, sorted
 * @param occurredAt when
 */
public record CustomerProfileUpdated(CustomerId customerId, Set<String> changedFields, Instant occurredAt)
        implements CustomerEvent {

    /** The event name. */
    public static final String TYPE = "CUSTOMER_PROFILE_UPDATED";

    /** Checks the components and freezes the field set. */
    public CustomerProfileUpdated {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        changedFields =
                Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(changedFields, "changedFields")));
        if (changedFields.isEmpty()) {
            throw new IllegalArgumentException("a profile update changes at least one field");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
