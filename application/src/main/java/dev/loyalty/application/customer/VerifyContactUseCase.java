package dev.loyalty.application.customer;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.ContactChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;

/** Driving port: the customer confirms a changed contact with the code sent to it. */
public interface VerifyContactUseCase {

    /**
     * @param customerId whose contact
     * @param channel which contact
     * @param code the code as typed
     * @param actor the customer themselves
     * @return the customer, the contact verified
     * @throws ContactVerificationException when there is nothing to verify, the code expired, was
     *     wrong, or too many wrong codes were given
     */
    Customer verify(CustomerId customerId, ContactChannel channel, String code, Actor actor);

    /** @return the customer's contacts awaiting verification */
    java.util.Set<ContactChannel> unverified(CustomerId customerId, Actor actor);
}
