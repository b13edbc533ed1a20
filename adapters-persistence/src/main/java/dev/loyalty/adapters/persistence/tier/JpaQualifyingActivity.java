package dev.loyalty.adapters.persistence.tier;

import dev.loyalty.application.tier.QualifyingActivity;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.tier.QualifyingHistory;
import dev.loyalty.domain.tier.TierMetric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly qualifying amounts in {@code tier_qualifying}: one upsert per purchase or refund
 * (the row of the customer's month is locked by it, under the customer's wallet lock), and one
 * range read of at most a few dozen rows for a customer's window.
 */
@ApplicationScoped
public class JpaQualifyingActivity implements QualifyingActivity {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaQualifyingActivity() {}

    /** For tests outside the container. */
    public JpaQualifyingActivity(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(CustomerId customerId, YearMonth month, long netSpendCents, long pointsEarned) {
        em.createNativeQuery(
                        """
                        INSERT INTO tier_qualifying (customer_id, month, net_spend, points_earned) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE net_spend = net_spend + VALUES(net_spend),
                                                points_earned = points_earned + VALUES(points_earned)""")
                .setParameter(1, customerId.toString())
                .setParameter(2, month.atDay(1))
                .setParameter(3, netSpendCents)
                .setParameter(4, pointsEarned)
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public QualifyingHistory history(CustomerId customerId, TierMetric metric, YearMonth from) {
        String column = column(metric);
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT month, " + column + " FROM tier_qualifying WHERE customer_id = ? AND month >= ?")
                .setParameter(1, customerId.toString())
                .setParameter(2, from.atDay(1))
                .getResultList();
        Map<YearMonth, Long> byMonth = new HashMap<>();
        for (Object[] row : rows) {
            byMonth.put(YearMonth.from(date(row[0])), ((Number) row[1]).longValue());
        }
        return new QualifyingHistory(byMonth);
    }

    /** @return the column of the metric's amounts */
    static String column(TierMetric metric) {
        return switch (metric) {
            case NET_SPEND -> "net_spend";
            case POINTS_EARNED -> "points_earned";
        };
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
