package dev.loyalty.application.customer;

import dev.loyalty.domain.customer.Customer;

/**
 * Driving port: change a customer's profile and consents. A customer caller only changes itself.
 */
public interface UpdateProfileUseCase {

    /**
     * @param command the customer, the change and the caller
     * @return the customer as it is after the change
     * @throws dev.loyalty.domain.customer.CustomerNotFoundException when none, or not visible to the caller
     * @throws dev.loyalty.domain.customer.CustomerAlreadyEnrolledException when a new e-mail or phone is taken
     * @throws dev.loyalty.domain.shared.ConcurrentUpdateException when changed concurrently
     */
    Customer updateProfile(UpdateProfileCommand command);
}
