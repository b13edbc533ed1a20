package dev.loyalty.application.account;

import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import java.util.Optional;

/**
 * Driven port: the customers on record. E-mail and phone are unique among customers (enforced by
 * unique keys, not check-then-insert); updates use optimistic locking on {@link Customer#version()},
 * which a successful update advances by one. Works inside the caller's transaction.
 * {@code CustomersContract} (application test-jar) states the behaviour every implementation shows.
 */
public interface Customers {

    /**
     * Stores a newly enrolled customer (version 0), with its consent history.
     *
     * @param customer the new customer
     * @throws dev.loyalty.domain.customer.CustomerAlreadyEnrolledException (field {@code email} or
     *         {@code phone}) when that contact point belongs to another customer
     */
    void add(Customer customer);

    /**
     * @param id identity
     * @return the customer, if any
     */
    Optional<Customer> byId(CustomerId id);

    /** @return those of the customers given who exist, by id (one read where the store can) */
    default java.util.Map<CustomerId, Customer> byIds(java.util.Collection<CustomerId> ids) {
        java.util.Map<CustomerId, Customer> found = new java.util.HashMap<>();
        for (CustomerId id : ids) {
            byId(id).ifPresent(customer -> found.put(id, customer));
        }
        return found;
    }

    /**
     * @param cardNumber card
     * @return its holder, if any (an erased customer's card has none)
     */
    Optional<Customer> byCardNumber(CardNumber cardNumber);

    /**
     * @param id identity
     * @return whether a customer has it (without reading the customer)
     */
    boolean exists(CustomerId id);

    /**
     * @param ids identities
     * @return those of them a customer has (one read where the store can, without reading the
     *     customers)
     */
    default java.util.Set<CustomerId> existing(java.util.Collection<CustomerId> ids) {
        java.util.Set<CustomerId> found = new java.util.HashSet<>();
        for (CustomerId id : ids) {
            if (exists(id)) {
                found.add(id);
            }
        }
        return found;
    }

    /**
     * @param cardNumber card
     * @return its holder's identity, if any (without reading the customer); an erased customer's
     *     card has none
     */
    Optional<CustomerId> holderOf(CardNumber cardNumber);

    /**
     * @param email e-mail address (canonical form)
     * @return the customer it belongs to, if any
     */
    Optional<Customer> byEmail(Email email);

    /**
     * @param phone phone number
     * @return the customer it belongs to, if any
     */
    Optional<Customer> byPhone(PhoneNumber phone);

    /**
     * Stores the changes of a customer read earlier, if nobody changed it since: its stored version
     * must still be {@code customer.version()}; the stored version becomes {@code version() + 1}.
     * Consent evidence is appended, never rewritten.
     *
     * @param customer the changed customer
     * @throws dev.loyalty.domain.shared.ConcurrentUpdateException when the stored version differs
     * @throws dev.loyalty.domain.customer.CustomerAlreadyEnrolledException when a new e-mail or phone is taken
     */
    void update(Customer customer);
}
