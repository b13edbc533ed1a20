package dev.loyalty.adapters.persistence.customer;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.customer.ContactVerifications;
import dev.loyalty.domain.customer.ContactChannel;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The contacts awaiting verification, in {@code contact_verification} (native SQL, one row per customer and channel). */
@ApplicationScoped
public class JpaContactVerifications implements ContactVerifications {

    private static final String COLUMNS =
            "customer_id, channel, verified_before, code_digest, expires_at, attempts_left, requested_at";

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaContactVerifications() {}

    /** For tests outside the container. */
    public JpaContactVerifications(EntityManager em) {
        this.em = em;
    }

    @Override
    public Map<ContactChannel, Pending> pendingOf(CustomerId customerId) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM contact_verification WHERE customer_id = ?")
                .setParameter(1, customerId.toString())
                .getResultList();
        Map<ContactChannel, Pending> pending = new EnumMap<>(ContactChannel.class);
        rows.stream().map(row -> pending((Object[]) row)).forEach(p -> pending.put(p.channel(), p));
        return pending;
    }

    /** One query for all of them. */
    @Override
    public Map<CustomerId, Map<ContactChannel, Pending>> pendingOfAll(java.util.Collection<CustomerId> customers) {
        List<String> ids =
                customers.stream().map(CustomerId::toString).distinct().toList();
        Map<CustomerId, Map<ContactChannel, Pending>> all = new java.util.HashMap<>();
        customers.forEach(customer -> all.put(customer, new EnumMap<>(ContactChannel.class)));
        if (ids.isEmpty()) {
            return all;
        }
        jakarta.persistence.Query query = em.createNativeQuery("SELECT " + COLUMNS
                + " FROM contact_verification WHERE customer_id IN ("
                + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")");
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        for (Object row : query.getResultList()) {
            Pending p = pending((Object[]) row);
            all.computeIfAbsent(p.customerId(), c -> new EnumMap<>(ContactChannel.class))
                    .put(p.channel(), p);
        }
        return all;
    }

    @Override
    public Optional<Pending> locked(CustomerId customerId, ContactChannel channel) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM contact_verification WHERE customer_id = ?"
                        + " AND channel = ? FOR UPDATE")
                .setParameter(1, customerId.toString())
                .setParameter(2, channel.name())
                .getResultList();
        return rows.stream().map(row -> pending((Object[]) row)).findFirst();
    }

    @Override
    public void save(Pending pending) {
        em.createNativeQuery("INSERT INTO contact_verification (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE verified_before = VALUES(verified_before), code_digest ="
                        + " VALUES(code_digest), expires_at = VALUES(expires_at), attempts_left ="
                        + " VALUES(attempts_left), requested_at = VALUES(requested_at)")
                .setParameter(1, pending.customerId().toString())
                .setParameter(2, pending.channel().name())
                .setParameter(3, pending.verifiedBefore().orElse(null))
                .setParameter(4, pending.codeDigest())
                .setParameter(5, UtcTimes.utc(pending.expiresAt()))
                .setParameter(6, pending.attemptsLeft())
                .setParameter(7, UtcTimes.utc(pending.requestedAt()))
                .executeUpdate();
    }

    @Override
    public void remove(CustomerId customerId, ContactChannel channel) {
        em.createNativeQuery("DELETE FROM contact_verification WHERE customer_id = ? AND channel = ?")
                .setParameter(1, customerId.toString())
                .setParameter(2, channel.name())
                .executeUpdate();
    }

    private static Pending pending(Object[] row) {
        return new Pending(
                CustomerId.parse((String) row[0]),
                ContactChannel.valueOf((String) row[1]),
                Optional.ofNullable((String) row[2]),
                (String) row[3],
                NativeRows.instant(row[4]),
                ((Number) row[5]).intValue(),
                NativeRows.instant(row[6]));
    }
}
