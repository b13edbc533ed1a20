package dev.loyalty.application.segment;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.Optional;

/**
 * A member of a segment as the console lists it.
 *
 * @param customerId the customer
 * @param cardNumber the loyalty card
 * @param firstName the first name
 * @param lastName the last name, if known
 * @param enrolledAt when the customer enrolled
 */
public record CustomerSummary(
        CustomerId customerId, String cardNumber, String firstName, Optional<String> lastName, Instant enrolledAt) {}
