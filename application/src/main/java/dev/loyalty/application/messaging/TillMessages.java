package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.CustomerId;
import java.util.List;

/**
 * Driving port for the checkout: the {@code PRINT_AT_TILL} messages waiting for a customer. A
 * quote shows them without changing anything; a purchase prints them, which delivers them (in the
 * purchase's transaction, so a purchase that fails prints nothing).
 */
public interface TillMessages {

    /** @return the blocks waiting for the customer, oldest first (nothing changes) */
    List<PrintableMessage> waitingFor(CustomerId customer);

    /**
     * @param storeId where
     * @param reference the purchase that printed them
     * @return the blocks printed now, oldest first; they are DELIVERED
     */
    List<PrintableMessage> print(CustomerId customer, String storeId, String reference);
}
