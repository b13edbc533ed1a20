package dev.loyalty.adapters.persistence.idempotency;

import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.idempotency.IdempotencyKeyInFlightException;
import dev.loyalty.application.idempotency.IdempotencyRecords;
import dev.loyalty.application.idempotency.IdempotentRequest;
import dev.loyalty.application.idempotency.StoredResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency records in MariaDB. A claim is {@code INSERT IGNORE} of the key's row in the
 * caller's transaction: InnoDB makes a second claim of an uncommitted key wait for the first
 * transaction, then ignore the insert if it committed (the row is then read with a locking read,
 * which sees it) or insert it if it rolled back. The wait is bounded by
 * {@value #IN_FLIGHT_WAIT_SECONDS} s; past that the key is "in flight".
 */
@ApplicationScoped
public class JpaIdempotencyRecords implements IdempotencyRecords {

    /** How long a request waits for another one holding its key. */
    static final int IN_FLIGHT_WAIT_SECONDS = 10;

    private static final int LOCK_WAIT_TIMEOUT = 1205;

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaIdempotencyRecords() {}

    /** For tests outside the container. */
    public JpaIdempotencyRecords(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Recorded> claim(IdempotentRequest request, Instant now) {
        int inserted;
        try {
            inserted = em.createNativeQuery(
                            "SET STATEMENT innodb_lock_wait_timeout = " + IN_FLIGHT_WAIT_SECONDS + " FOR"
                                    + " INSERT IGNORE INTO idempotency_record"
                                    + " (key_hash, fingerprint, status, body, location, created_at)"
                                    + " VALUES (?, ?, 0, '', NULL, ?)")
                    .setParameter(1, request.keyHash())
                    .setParameter(2, request.fingerprint())
                    .setParameter(3, UtcTimes.utc(now))
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (lockWaitTimedOut(e)) {
                throw new IdempotencyKeyInFlightException();
            }
            throw e;
        }
        if (inserted == 1) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery(
                        "SELECT fingerprint, status, body, location FROM idempotency_record WHERE key_hash = ?"
                                + " LOCK IN SHARE MODE")
                .setParameter(1, request.keyHash())
                .getResultList();
        if (rows.isEmpty()) {
            // purged between the insert and the read: the caller retries as a new request
            throw new IdempotencyKeyInFlightException();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Recorded(
                (String) row[0], new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3])));
    }

    @Override
    public void complete(IdempotentRequest request, StoredResponse response) {
        em.createNativeQuery("UPDATE idempotency_record SET status = ?, body = ?, location = ? WHERE key_hash = ?")
                .setParameter(1, response.status())
                .setParameter(2, response.body())
                .setParameter(3, response.location())
                .setParameter(4, request.keyHash())
                .executeUpdate();
    }

    @Override
    public int purgeRecordedBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < ? LIMIT 10000")
                .setParameter(1, UtcTimes.utc(cutoff))
                .executeUpdate();
    }

    private static boolean lockWaitTimedOut(Throwable failure) {
        return UniqueKeys.sqlError(failure, SQLException.class, LOCK_WAIT_TIMEOUT)
                .isPresent();
    }
}
