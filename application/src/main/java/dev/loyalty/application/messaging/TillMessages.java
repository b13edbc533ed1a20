package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.CustomerId;
import java.util.List;

/**
 * Driving port for the checkout: the {@code PRINT_AT_TILL} messages waiting for a customer. Only a
 * purchase prints them, which delivers them (in the purchase's transaction, so a purchase that fails
 * prints nothing), and only the blocks of its store or of every store. Nothing shows them
 * otherwise: knowing a customer's card number is no key to their coupon codes.
 */
@FunctionalInterface
public interface TillMessages {

    /**
     * @param storeId where
     * @param reference the purchase that printed them
     * @return the blocks for this store or every store printed now, oldest first; they are DELIVERED
     */
    List<PrintableMessage> print(CustomerId customer, String storeId, String reference);
}
