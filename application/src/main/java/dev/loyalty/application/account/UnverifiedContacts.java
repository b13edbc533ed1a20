package dev.loyalty.application.account;

import dev.loyalty.domain.customer.ContactChannel;
import dev.loyalty.domain.customer.CustomerId;
import java.util.Map;
import java.util.Optional;

/**
 * Driven port for messaging: which of a customer's contacts await verification, and the contact
 * verified before each (messages go there meanwhile; empty: nowhere on that channel).
 */
@FunctionalInterface
public interface UnverifiedContacts {

    /** No contact awaits verification (a customer who never changed one in the app). */
    UnverifiedContacts NONE = customerId -> Map.of();

    /** @return per channel awaiting verification, the contact verified before it */
    Map<ContactChannel, Optional<String>> of(CustomerId customerId);

    /**
     * As {@link #of} for several customers at once (a campaign's page of messages).
     *
     * @return per customer given, what {@link #of} gives for them
     */
    default Map<CustomerId, Map<ContactChannel, Optional<String>>> ofAll(java.util.Collection<CustomerId> customers) {
        Map<CustomerId, Map<ContactChannel, Optional<String>>> all = new java.util.HashMap<>();
        for (CustomerId customer : customers) {
            all.put(customer, of(customer));
        }
        return all;
    }
}
