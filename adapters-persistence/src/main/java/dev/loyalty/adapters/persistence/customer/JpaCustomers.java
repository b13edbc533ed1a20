package dev.loyalty.adapters.persistence.customer;

import dev.loyalty.adapters.persistence.CommittedForGood;
import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.application.account.Customers;
import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerAlreadyEnrolledException;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Optional;

/**
 * Customers in MariaDB. Uniqueness of email, phone and card number is the database's unique keys,
 * never a check-then-insert, so two tills enrolling the same email at once cannot both win; a
 * stale version on update is a {@link ConcurrentUpdateException}. Consent decisions are rows of
 * their own, appended at their position in the history.
 */
@ApplicationScoped
public class JpaCustomers implements Customers {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Customers known to exist: a row is never deleted (an erasure keeps it), so this never goes stale. */
    private final CommittedForGood<CustomerId, Boolean> existing = new CommittedForGood<>();

    protected JpaCustomers() {}

    /** For tests outside the container. */
    public JpaCustomers(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Customer customer) {
        CustomerJpaEntity entity = CustomerMapper.toNewEntity(customer);
        em.persist(entity);
        flush();
        CustomerMapper.newConsentRows(customer, entity, 0).forEach(em::persist);
        flush();
    }

    @Override
    public Optional<Customer> byId(CustomerId id) {
        return Optional.ofNullable(em.find(CustomerJpaEntity.class, id.toString()))
                .map(CustomerMapper::toDomain);
    }

    /**
     * One query for the customers, one for their consents (batch-read), on the transaction's own
     * connection. Read to be mapped at once and never changed, the rows then leave the persistence
     * context, so the transaction's later flushes (a campaign chunk's dozens) do not compare each one
     * again. Not EclipseLink's read-only hint: such a query is run on a connection asked of the pool
     * apart from the transaction's - a reaction holding wallet locks then waited for a free
     * connection while the pool's were all held by tills queued on those very locks (a cycle the
     * database cannot see; the lock wait timeout broke it after 50 s).
     */
    @Override
    public java.util.Map<CustomerId, Customer> byIds(java.util.Collection<CustomerId> ids) {
        List<String> keys = ids.stream().map(CustomerId::toString).distinct().toList();
        java.util.Map<CustomerId, Customer> found = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<CustomerJpaEntity> rows = em.createQuery(
                        "SELECT c FROM CustomerJpaEntity c WHERE c.id IN :ids", CustomerJpaEntity.class)
                .setParameter("ids", keys)
                .setHint("eclipselink.batch", "c.consents")
                .setHint("eclipselink.batch.type", "IN")
                .getResultList();
        for (CustomerJpaEntity row : rows) {
            Customer customer = CustomerMapper.toDomain(row);
            found.put(customer.id(), customer);
        }
        for (CustomerJpaEntity row : rows) {
            row.consents.forEach(em::detach);
            em.detach(row);
        }
        return found;
    }

    @Override
    public Optional<Customer> byCardNumber(CardNumber cardNumber) {
        return single("cardNumber", cardNumber.value()).filter(customer -> !customer.isErased());
    }

    @Override
    public java.util.Set<CustomerId> existing(java.util.Collection<CustomerId> ids) {
        List<String> keys = ids.stream().map(CustomerId::toString).distinct().toList();
        java.util.Set<CustomerId> found = new java.util.HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        em.createQuery("SELECT c.id FROM CustomerJpaEntity c WHERE c.id IN :ids", String.class)
                .setParameter("ids", keys)
                .getResultList()
                .forEach(key -> found.add(CustomerId.parse(key)));
        return found;
    }

    @Override
    public boolean exists(CustomerId id) {
        if (existing.get(id).isPresent()) {
            return true;
        }
        boolean found = !em.createQuery("SELECT c.id FROM CustomerJpaEntity c WHERE c.id = :id", String.class)
                .setParameter("id", id.toString())
                .getResultList()
                .isEmpty();
        if (found) {
            existing.keep(id, Boolean.TRUE, transactions);
        }
        return found;
    }

    @Override
    public Optional<CustomerId> holderOf(CardNumber cardNumber) {
        // an erased customer's card identifies nobody (Customer.isErased: the placeholder name, no contact)
        return em.createQuery(
                        "SELECT c.id FROM CustomerJpaEntity c WHERE c.cardNumber = :card AND NOT (c.firstName = :erased"
                                + " AND c.email IS NULL AND c.phone IS NULL)",
                        String.class)
                .setParameter("card", cardNumber.value())
                .setParameter("erased", Customer.ERASED_NAME)
                .getResultStream()
                .findFirst()
                .map(CustomerId::parse);
    }

    @Override
    public Optional<Customer> byEmail(Email email) {
        return single("email", email.value());
    }

    @Override
    public Optional<Customer> byPhone(PhoneNumber phone) {
        return single("phone", phone.value());
    }

    /**
     * One conditional UPDATE that also advances the version, and succeeds only if the version is
     * still the one the customer was read with; then the new consent decisions are appended.
     */
    @Override
    public void update(Customer customer) {
        CustomerJpaEntity entity =
                em.find(CustomerJpaEntity.class, customer.id().toString());
        if (entity == null) {
            throw new ConcurrentUpdateException("customer " + customer.id() + " no longer exists");
        }
        int stored = entity.consents.size();
        int updated;
        try {
            updated = em.createQuery(
                            """
                            UPDATE CustomerJpaEntity c
                            SET c.firstName = :firstName, c.lastName = :lastName, c.email = :email, c.phone = :phone,
                                c.birthDate = :birthDate, c.preferredChannel = :preferredChannel, c.city = :city,
                                c.province = :province, c.gender = :gender, c.language = :language,
                                c.version = c.version + 1
                            WHERE c.id = :id AND c.version = :version""")
                    .setParameter("firstName", customer.firstName())
                    .setParameter("lastName", customer.lastName().orElse(null))
                    .setParameter("email", customer.email().map(Email::value).orElse(null))
                    .setParameter(
                            "phone", customer.phone().map(PhoneNumber::value).orElse(null))
                    .setParameter("birthDate", customer.birthDate().orElse(null))
                    .setParameter(
                            "preferredChannel", customer.preferredChannel().name())
                    .setParameter("city", customer.attributes().city())
                    .setParameter("province", customer.attributes().province())
                    .setParameter(
                            "gender",
                            customer.attributes().knownGender().map(Enum::name).orElse(null))
                    .setParameter(
                            "language",
                            customer.attributes()
                                    .knownLanguage()
                                    .map(dev.loyalty.domain.customer.LanguageTag::value)
                                    .orElse(null))
                    .setParameter("id", customer.id().toString())
                    .setParameter("version", customer.version())
                    .executeUpdate();
        } catch (PersistenceException e) {
            throw translated(e);
        }
        if (updated != 1) {
            throw new ConcurrentUpdateException("customer " + customer.id() + " was changed meanwhile; read it again");
        }
        CustomerMapper.newConsentRows(customer, entity, stored).forEach(em::persist);
        flush();
        em.refresh(entity);
    }

    private Optional<Customer> single(String attribute, String value) {
        return em.createQuery(
                        "SELECT c FROM CustomerJpaEntity c WHERE c." + attribute + " = :value", CustomerJpaEntity.class)
                .setParameter("value", value)
                // the consents in the same statement: read lazily, they cost a statement of their own and
                // one more reading the customer again for their back reference (a till's lookup)
                .setHint("eclipselink.left-join-fetch", "c.consents")
                .getResultStream()
                .findFirst()
                .map(CustomerMapper::toDomain);
    }

    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw translated(e);
        }
    }

    /** A broken unique key as the domain names it; anything else unchanged. */
    private static RuntimeException translated(PersistenceException failure) {
        Optional<String> key = UniqueKeys.violated(failure);
        if (key.isEmpty()) {
            return failure;
        }
        return switch (key.get()) {
            case "uk_customer_email" -> new CustomerAlreadyEnrolledException("email");
            case "uk_customer_phone" -> new CustomerAlreadyEnrolledException("phone");
            case "uk_customer_consent_position" -> new ConcurrentUpdateException(
                    "the customer's consents were changed meanwhile");
            default -> failure;
        };
    }
}
