package dev.loyalty.application.customer;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.EnrolmentDetails;
import dev.loyalty.domain.shared.InvalidValueException;

/**
 * Request to enrol a member: validated details and the caller. Both are required.
 *
 * @param details what the member told us
 * @param actor who asks
 */
public record EnrolCustomerCommand(EnrolmentDetails details, Actor actor) {

    /** Checks both parts are present. */
    public EnrolCustomerCommand {
        if (details == null) {
            throw new InvalidValueException("body", "enrolment details are required");
        }
        if (actor == null) {
            throw new InvalidValueException("actor", "the caller is required");
        }
    }
}
