package dev.loyalty.adapters.persistence.dashboard;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.dashboard.Dashboard;
import dev.loyalty.application.dashboard.DashboardFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the dashboard in a handful of aggregate statements (no row reaches Java but the totals):
 * weekly groups on enrolment, issue and redemption times; the liability from the wallets'
 * balances; the points expiring next month by a FIFO over each wallet's ledger - every lot (a
 * positive entry) is consumed in ledger order by everything that left the wallet, so a lot's
 * remainder is its running total minus the points gone, clamped to the lot (a reversal, which the
 * wallet charges to the lots of its own purchase first, is charged FIFO here: the figure may differ
 * from the wallet's own by such points).
 */
@ApplicationScoped
public class SqlDashboardFigures implements DashboardFigures {

    private static final String WEEK_OF = "DATE(%1$s - INTERVAL WEEKDAY(%1$s) DAY)";

    private static final String EXPIRING =
            """
            SELECT COALESCE(SUM(GREATEST(0, LEAST(l.points, l.running - COALESCE(o.gone, 0)))), 0)
            FROM (SELECT customer_id, points, expires_at,
                         SUM(points) OVER (PARTITION BY customer_id ORDER BY sequence) AS running
                  FROM wallet_entry WHERE points > 0) l
            LEFT JOIN (SELECT customer_id, -SUM(points) AS gone FROM wallet_entry WHERE points < 0
                       GROUP BY customer_id) o ON o.customer_id = l.customer_id
            WHERE l.expires_at >= ? AND l.expires_at < ?""";

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlDashboardFigures() {}

    /** For tests outside the container. */
    public SqlDashboardFigures(EntityManager em) {
        this.em = em;
    }

    @Override
    public Dashboard count(Instant now, LocalDate firstWeek) {
        Object since = UtcTimes.utc(firstWeek.atStartOfDay().toInstant(ZoneOffset.UTC));
        Map<LocalDate, Long> enrolled = weekly(
                "SELECT " + WEEK_OF.formatted("enrolled_at") + " w, COUNT(*) FROM customer WHERE enrolled_at >= ?"
                        + " GROUP BY w",
                since);
        Map<LocalDate, Long> issued = weekly(
                "SELECT " + WEEK_OF.formatted("issued_at") + " w, COUNT(*) FROM coupon WHERE issued_at >= ? GROUP BY w",
                since);
        Map<LocalDate, Long> redeemed = weekly(
                "SELECT " + WEEK_OF.formatted("occurred_at") + " w, COUNT(*) FROM domain_event"
                        + " WHERE type = 'COUPON_REDEEMED' AND occurred_at >= ? GROUP BY w",
                since);
        long members = number("SELECT COUNT(*) FROM customer");
        List<Dashboard.Week> weeks = new ArrayList<>();
        LocalDate thisWeek = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long laterEnrolments = 0;
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate week = firstWeek; !week.isAfter(thisWeek); week = week.plusWeeks(1)) {
            starts.add(week);
        }
        for (int i = starts.size() - 1; i >= 0; i--) {
            LocalDate week = starts.get(i);
            long joined = enrolled.getOrDefault(week, 0L);
            weeks.add(
                    0,
                    new Dashboard.Week(
                            week,
                            members - laterEnrolments,
                            joined,
                            issued.getOrDefault(week, 0L),
                            redeemed.getOrDefault(week, 0L)));
            laterEnrolments += joined;
        }
        Object monthAgo = UtcTimes.utc(now.minus(java.time.Duration.ofDays(30)));
        long active = number(
                "SELECT COUNT(*) FROM (SELECT customer_id FROM purchase WHERE occurred_at >= ? AND customer_id IS NOT NULL"
                        + " UNION SELECT customer_id FROM customer_event WHERE occurred_at >= ?"
                        + " AND customer_id IS NOT NULL) a",
                monthAgo,
                monthAgo);
        LocalDate nextMonth = thisWeek.with(TemporalAdjusters.firstDayOfNextMonth());
        long expiring = number(
                EXPIRING,
                UtcTimes.utc(nextMonth.atStartOfDay().toInstant(ZoneOffset.UTC)),
                UtcTimes.utc(nextMonth.plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        return new Dashboard(
                now,
                members,
                active,
                number("SELECT COALESCE(SUM(balance), 0) FROM wallet"),
                expiring,
                weeks,
                counts("SELECT status, COUNT(*) FROM message GROUP BY status"),
                counts("SELECT COALESCE(reason, '-'), COUNT(*) FROM message WHERE status = 'SUPPRESSED'"
                        + " GROUP BY reason ORDER BY COUNT(*) DESC LIMIT 20"),
                number("SELECT COUNT(*) FROM customer_event WHERE react_due_at IS NOT NULL"),
                number("SELECT COUNT(*) FROM customer_event WHERE react_due_at IS NULL AND react_error IS NOT NULL"));
    }

    private long number(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private Map<LocalDate, Long> weekly(String sql, Object since) {
        Map<LocalDate, Long> weeks = new LinkedHashMap<>();
        for (Object raw : em.createNativeQuery(sql).setParameter(1, since).getResultList()) {
            Object[] row = (Object[]) raw;
            weeks.put(date(row[0]), ((Number) row[1]).longValue());
        }
        return weeks;
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object raw : em.createNativeQuery(sql).getResultList()) {
            Object[] row = (Object[]) raw;
            counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static LocalDate date(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return LocalDate.parse(String.valueOf(value).substring(0, 10));
    }
}
