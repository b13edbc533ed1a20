package dev.loyalty.application.privacy;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;

/** Driving port: a customer's rights over their data - a copy of everything held, and erasure. */
public interface PrivacyUseCases {

    /** @return everything held about the customer */
    CustomerExport export(CustomerId id, Actor actor);

    /**
     * Erases the customer's personal data; erasing again changes nothing.
     *
     * @param textVersion the privacy notice in force, recorded with the consent withdrawals
     */
    void erase(CustomerId id, String textVersion, Actor actor);
}
