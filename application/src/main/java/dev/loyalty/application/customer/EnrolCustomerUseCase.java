package dev.loyalty.application.customer;

import dev.loyalty.domain.customer.Customer;

/**
 * Driving port: enrol a new member, issuing a card. Terminals enrol only for their own store;
 * customers cannot enrol anyone.
 */
public interface EnrolCustomerUseCase {

    /**
     * @param command the details and the caller
     * @return the new customer
     * @throws dev.loyalty.domain.customer.CustomerAlreadyEnrolledException when the e-mail or phone is taken
     * @throws dev.loyalty.domain.shared.AccessDeniedException when the caller may not enrol here
     */
    Customer enrol(EnrolCustomerCommand command);
}
