package dev.loyalty.adapters.persistence.customer;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.customer.ContactChangeQuota;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The new-contact counts in {@code contact_change_quota} (native SQL): the customer's row is created
 * if missing or locked exclusively, then read, so parallel changes of one customer - from any instance -
 * count one after the other, and a refused or rolled-back change counts nothing.
 */
@ApplicationScoped
public class SqlContactChangeQuota implements ContactChangeQuota {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlContactChangeQuota() {}

    /** For tests outside the container. */
    public SqlContactChangeQuota(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Instant> take(CustomerId customerId, int contacts, int limit, Duration window, Instant now) {
        if (contacts < 1) {
            throw new IllegalArgumentException("contacts must be at least 1");
        }
        // ON DUPLICATE KEY UPDATE locks an existing row exclusively at once (INSERT IGNORE would take a
        // shared lock first, and two changes upgrading theirs deadlock)
        em.createNativeQuery("INSERT INTO contact_change_quota (customer_id, window_start, used) VALUES (?, ?, 0)"
                        + " ON DUPLICATE KEY UPDATE used = used")
                .setParameter(1, customerId.toString())
                .setParameter(2, UtcTimes.utc(now))
                .executeUpdate();
        List<?> rows = em.createNativeQuery(
                        "SELECT window_start, used FROM contact_change_quota WHERE customer_id = ? FOR UPDATE")
                .setParameter(1, customerId.toString())
                .getResultList();
        Object[] row = (Object[]) rows.get(0);
        Instant start = NativeRows.instant(row[0]);
        int used = ((Number) row[1]).intValue();
        if (!now.isBefore(start.plus(window))) {
            start = now;
            used = 0;
        }
        if (used + contacts > limit) {
            return Optional.of(start.plus(window));
        }
        em.createNativeQuery("UPDATE contact_change_quota SET window_start = ?, used = ? WHERE customer_id = ?")
                .setParameter(1, UtcTimes.utc(start))
                .setParameter(2, used + contacts)
                .setParameter(3, customerId.toString())
                .executeUpdate();
        return Optional.empty();
    }
}
