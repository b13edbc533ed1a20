package dev.loyalty.adapters.persistence.customer;

import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.application.customer.Customers;
import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerAlreadyEnrolledException;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

/**
 * Customers in MariaDB. Uniqueness of email, phone and card number is the database's unique keys,
 * never a check-then-insert, so two tills enrolling the same email at once cannot both win; a
 * stale version on update is a {@link ConcurrentUpdateException}.
 */
@ApplicationScoped
public class JpaCustomers implements Customers {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaCustomers() {}

    /** For tests outside the container. */
    public JpaCustomers(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Customer customer) {
        em.persist(CustomerMapper.toNewEntity(customer));
        flush();
    }

    @Override
    public Optional<Customer> byId(CustomerId id) {
        return Optional.ofNullable(em.find(CustomerJpaEntity.class, id.toString())).map(CustomerMapper::toDomain);
    }

    @Override
    public Optional<Customer> byCardNumber(CardNumber cardNumber) {
        return single("cardNumber", cardNumber.value());
    }

    @Override
    public Optional<Customer> byEmail(Email email) {
        return single("email", email.value());
    }

    @Override
    public Optional<Customer> byPhone(PhoneNumber phone) {
        return single("phone", phone.value());
    }

    @Override
    public void update(Customer customer) {
        CustomerJpaEntity entity = em.find(CustomerJpaEntity.class, customer.id().toString());
        if (entity == null || entity.version != customer.version()) {
            throw new ConcurrentUpdateException("customer " + customer.id() + " was changed meanwhile; read it again");
        }
        CustomerMapper.copyChangeableState(customer, entity);
        flush();
    }

    private Optional<Customer> single(String attribute, String value) {
        return em.createQuery("SELECT c FROM CustomerJpaEntity c WHERE c." + attribute + " = :value", CustomerJpaEntity.class)
                .setParameter("value", value)
                .getResultStream()
                .findFirst()
                .map(CustomerMapper::toDomain);
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentUpdateException("the customer was changed meanwhile; read it again");
        } catch (PersistenceException e) {
            Optional<String> key = UniqueKeys.violated(e);
            if (key.isPresent() && key.get().equals("uk_customer_email")) {
                throw new CustomerAlreadyEnrolledException("email");
            }
            if (key.isPresent() && key.get().equals("uk_customer_phone")) {
                throw new CustomerAlreadyEnrolledException("phone");
            }
            throw e;
        }
    }
}
