package dev.loyalty.application.account;

import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerAlreadyEnrolledException;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An in-memory {@link Customers} for tests, shared through the test-jar. Behaves like the real
 * one: unique e-mail, phone and card, optimistic locking on the version, and snapshots (callers
 * never hold the stored object, so an unsaved change stays unsaved). Thread-safe.
 */
public class InMemoryCustomers implements Customers {

    private final Map<CustomerId, Customer> stored = new LinkedHashMap<>();

    @Override
    public synchronized boolean exists(CustomerId id) {
        return stored.containsKey(id);
    }

    @Override
    public synchronized Optional<CustomerId> holderOf(CardNumber cardNumber) {
        return byCardNumber(cardNumber).map(Customer::id);
    }

    @Override
    public synchronized void add(Customer customer) {
        if (stored.containsKey(customer.id())) {
            throw new IllegalStateException("customer " + customer.id() + " is already stored");
        }
        if (anyOther(customer.id(), other -> other.cardNumber().equals(customer.cardNumber()))) {
            throw new IllegalStateException("card number already issued");
        }
        checkContactPointsFree(customer);
        stored.put(customer.id(), copy(customer, customer.version()));
    }

    @Override
    public synchronized Optional<Customer> byId(CustomerId id) {
        return Optional.ofNullable(stored.get(id)).map(customer -> copy(customer, customer.version()));
    }

    @Override
    public synchronized Optional<Customer> byCardNumber(CardNumber cardNumber) {
        return find(customer -> customer.cardNumber().equals(cardNumber));
    }

    @Override
    public synchronized Optional<Customer> byEmail(Email email) {
        return find(customer -> customer.email().filter(email::equals).isPresent());
    }

    @Override
    public synchronized Optional<Customer> byPhone(PhoneNumber phone) {
        return find(customer -> customer.phone().filter(phone::equals).isPresent());
    }

    @Override
    public synchronized void update(Customer customer) {
        Customer current = stored.get(customer.id());
        if (current == null || current.version() != customer.version()) {
            throw new ConcurrentUpdateException("customer " + customer.id() + " was changed concurrently");
        }
        checkContactPointsFree(customer);
        stored.put(customer.id(), copy(customer, customer.version() + 1));
    }

    /**
     * @return a snapshot of every stored customer, in insertion order
     */
    public synchronized List<Customer> all() {
        return stored.values().stream()
                .map(customer -> copy(customer, customer.version()))
                .toList();
    }

    private void checkContactPointsFree(Customer customer) {
        if (customer.email().isPresent()
                && anyOther(customer.id(), other -> other.email().equals(customer.email()))) {
            throw new CustomerAlreadyEnrolledException("email");
        }
        if (customer.phone().isPresent()
                && anyOther(customer.id(), other -> other.phone().equals(customer.phone()))) {
            throw new CustomerAlreadyEnrolledException("phone");
        }
    }

    private boolean anyOther(CustomerId id, Predicate<Customer> test) {
        return stored.values().stream().filter(other -> !other.id().equals(id)).anyMatch(test);
    }

    private Optional<Customer> find(Predicate<Customer> test) {
        return stored.values().stream().filter(test).findFirst().map(customer -> copy(customer, customer.version()));
    }

    private static Customer copy(Customer customer, long version) {
        return Customer.reconstitute(
                customer.id(),
                customer.cardNumber(),
                customer.firstName(),
                customer.lastName().orElse(null),
                customer.email().orElse(null),
                customer.phone().orElse(null),
                customer.birthDate().orElse(null),
                customer.attributes(),
                customer.preferredChannel(),
                customer.enrolmentChannel(),
                customer.storeId().orElse(null),
                customer.referralCode().orElse(null),
                customer.enrolledAt(),
                customer.consentHistory(),
                version);
    }
}
