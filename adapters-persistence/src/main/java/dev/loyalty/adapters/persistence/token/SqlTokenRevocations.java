package dev.loyalty.adapters.persistence.token;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.token.TokenRevocations;
import dev.loyalty.domain.token.TokenRevocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The revocation list in table {@code token_revocation}, one row per token id or subject: revoked
 * again, a row takes the later time.
 */
@ApplicationScoped
public class SqlTokenRevocations implements TokenRevocations {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlTokenRevocations() {}

    /** For tests outside the container. */
    public SqlTokenRevocations(EntityManager em) {
        this.em = em;
    }

    @Override
    public void record(TokenRevocation revocation) {
        em.createNativeQuery("INSERT INTO token_revocation (kind, value, revoked_at, revoked_by, reason)"
                        + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                        + " revoked_by = IF(VALUES(revoked_at) > revoked_at, VALUES(revoked_by), revoked_by),"
                        + " reason = IF(VALUES(revoked_at) > revoked_at, VALUES(reason), reason),"
                        + " revoked_at = GREATEST(revoked_at, VALUES(revoked_at))")
                .setParameter(1, revocation.kind().name())
                .setParameter(2, revocation.value())
                .setParameter(3, UtcTimes.utc(revocation.revokedAt()))
                .setParameter(4, revocation.revokedBy())
                .setParameter(5, revocation.reason())
                .executeUpdate();
    }

    @Override
    public List<TokenRevocation> since(Instant from) {
        List<?> rows = em.createNativeQuery("SELECT kind, value, revoked_at, revoked_by, reason FROM token_revocation"
                        + " WHERE revoked_at >= ?")
                .setParameter(1, UtcTimes.utc(from))
                .getResultList();
        List<TokenRevocation> revocations = new ArrayList<>(rows.size());
        for (Object raw : rows) {
            Object[] row = (Object[]) raw;
            revocations.add(new TokenRevocation(
                    TokenRevocation.Kind.valueOf((String) row[0]),
                    (String) row[1],
                    UtcTimes.instant(localDateTime(row[2])),
                    (String) row[3],
                    (String) row[4]));
        }
        return revocations;
    }

    @Override
    public void forgetBefore(Instant before) {
        em.createNativeQuery("DELETE FROM token_revocation WHERE revoked_at < ?")
                .setParameter(1, UtcTimes.utc(before))
                .executeUpdate();
    }

    private static LocalDateTime localDateTime(Object value) {
        if (value instanceof LocalDateTime time) {
            return time;
        }
        return ((java.sql.Timestamp) value).toLocalDateTime();
    }
}
