package dev.loyalty.application.customer;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.ProfileUpdate;
import dev.loyalty.domain.shared.InvalidValueException;

/**
 * Request to change a customer's profile: which customer, the change and the caller, all required.
 *
 * @param customerId the customer to change
 * @param update the change
 * @param actor who asks
 */
public record UpdateProfileCommand(CustomerId customerId, ProfileUpdate update, Actor actor) {

    /** Checks every part is present. */
    public UpdateProfileCommand {
        if (customerId == null) {
            throw new InvalidValueException("customerId", "customerId is required");
        }
        if (update == null) {
            throw new InvalidValueException("body", "the profile change is required");
        }
        if (actor == null) {
            throw new InvalidValueException("actor", "the caller is required");
        }
    }
}
