package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of a store's call list: whom to phone and what to offer.
 *
 * @param messageId the message
 * @param customerId the customer
 * @param firstName first name
 * @param lastName last name, if known
 * @param phone the number to call
 * @param text what to offer
 * @param since when it was put on the list
 */
public record StaffCall(
        UUID messageId,
        CustomerId customerId,
        String firstName,
        Optional<String> lastName,
        String phone,
        String text,
        Instant since) {}
