package dev.loyalty.adapters.persistence.tier;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NamedSql;
import dev.loyalty.application.tier.ReviewProgress;
import dev.loyalty.application.tier.TierReviews;
import dev.loyalty.domain.tier.QualifyingWindow;
import dev.loyalty.domain.tier.TierMetric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tier review, set-based in MariaDB, one batch of customers (in id order) per call, in the
 * caller's transaction:
 *
 * <ol>
 *   <li>the run's row is created if needed and locked (instances running the same review take
 *       turns, batch by batch), and the programme's row is read in share mode (a programme change
 *       waits for the batch);
 *   <li>one INSERT ... SELECT decides for every customer of the batch, from the customer's
 *       standing and the sum of their months in the window, by the rules of
 *       {@code TierMovementPolicy.atReview} (held: stay; tier gone from the programme: placed by
 *       the metric; a higher tier reached: up; not due or the first tier: stay; threshold met:
 *       renewed; past the grace: down one tier, or to the tier reached);
 *   <li>customers without a stored standing who move get one (the first tier), then one UPDATE
 *       ... JOIN applies every decision whose standing still has the version it was decided on (a
 *       purchase that moved the customer meanwhile wins) and marks it applied;
 *   <li>the applied changes go to {@code tier_change} and, as {@code TIER_CHANGED} events with the
 *       payload JSON-B gives {@code TierChanged}, to {@code domain_event};
 *   <li>the run's cursor and totals move on; the decisions are deleted.
 * </ol>
 *
 * Reads of activity and standings are plain (READ COMMITTED): the batch locks only the standings
 * it changes, its run row and, shared, the programme; purchases lock their wallet, then their
 * standing, so no lock cycle exists between them.
 */
@ApplicationScoped
public class SqlTierReviews implements TierReviews {

    /**
     * The decisions of a batch. The programme's tiers are written into the statement as CASE
     * expressions over parameters (the names :name0.. and thresholds :threshold0..), read in the
     * same transaction under the programme's share lock, so the statement reads no table of tiers.
     * Each customer's qualifying sum is one index range of at most a few dozen rows; the derived
     * tables are materialised (not merged) so that it is computed once per customer, not once per
     * mention.
     */
    private static final String DECIDE =
            """
            SET STATEMENT optimizer_switch = 'derived_merge=off' FOR
            INSERT INTO tier_review_decision
                (review_at, customer_id, prior_version, from_tier, to_tier, kind, qualifying, new_review_at)
            SELECT :at, d.customer_id, d.version, d.from_tier, TO_NAME, d.kind, d.qualifying,
                   CASE WHEN d.kind = 'RENEW' OR d.to_pos > 0 THEN :at + INTERVAL :reviewMonths MONTH END
            FROM (
                SELECT k.*,
                       CASE k.kind
                           WHEN 'DOWN' THEN IF(:oneStep, k.cur_pos - 1, k.reached_pos)
                           WHEN 'RENEW' THEN k.cur_pos
                           ELSE k.reached_pos
                       END AS to_pos
                FROM (
                    SELECT s.*,
                           CASE
                               WHEN s.held THEN NULL
                               WHEN s.version IS NOT NULL AND s.cur_pos IS NULL THEN 'PROGRAMME'
                               WHEN s.reached_pos > COALESCE(s.cur_pos, 0) THEN 'UP'
                               WHEN COALESCE(s.cur_pos, 0) = 0 OR s.review_at IS NULL OR s.review_at > :at THEN NULL
                               WHEN s.qualifying >= CUR_THRESHOLD THEN 'RENEW'
                               WHEN :at >= s.review_at + INTERVAL :graceDays DAY THEN 'DOWN'
                           END AS kind
                    FROM (
                        SELECT r.*, REACHED_POS AS reached_pos, COALESCE(FROM_NAME, r.tier, :name0) AS from_tier
                        FROM (
                            SELECT c.id AS customer_id, ct.version, ct.tier, ct.review_at,
                                   COALESCE(ct.held_until > :at, FALSE) AS held,
                                   CUR_POS AS cur_pos,
                                   GREATEST(COALESCE(
                                           (SELECT SUM(t.METRIC) FROM tier_qualifying t
                                            WHERE t.customer_id = c.id AND t.month BETWEEN :firstMonth AND :lastMonth),
                                           0), 0) AS qualifying
                            FROM customer c
                            LEFT JOIN customer_tier ct ON ct.customer_id = c.id
                            WHERE c.id > :low AND c.id <= :high
                        ) r
                    ) s
                ) k
            ) d
            WHERE d.kind IS NOT NULL""";

    private static final String START_STANDINGS =
            """
            INSERT INTO customer_tier (customer_id, tier, since, review_at, held_until, version)
            SELECT d.customer_id, d.from_tier, :at, NULL, NULL, 1
            FROM tier_review_decision d WHERE d.review_at = :at AND d.prior_version IS NULL
            ON DUPLICATE KEY UPDATE version = customer_tier.version""";

    private static final String APPLY =
            """
            UPDATE customer_tier ct JOIN tier_review_decision d ON d.customer_id = ct.customer_id
            SET ct.tier = d.to_tier,
                ct.since = IF(d.kind = 'RENEW', ct.since, :at),
                ct.review_at = d.new_review_at,
                ct.held_until = IF(d.kind = 'RENEW', ct.held_until, NULL),
                ct.version = ct.version + 1,
                d.applied = TRUE
            WHERE d.review_at = :at AND ct.version = COALESCE(d.prior_version, 1)""";

    private static final String AUDIT =
            """
            INSERT INTO tier_change (customer_id, from_tier, to_tier, cause, qualifying, reference, occurred_at)
            SELECT customer_id, from_tier, to_tier, IF(kind = 'PROGRAMME', 'PROGRAMME', 'REVIEW'), qualifying,
                   :reference, :at
            FROM tier_review_decision WHERE review_at = :at AND applied AND kind <> 'RENEW'
            ORDER BY customer_id""";

    private static final String PUBLISH =
            """
            INSERT INTO domain_event (event_id, type, aggregate_id, occurred_at, payload)
            SELECT UUID(), 'TIER_CHANGED', customer_id, :at,
                   JSON_OBJECT('cause', IF(kind = 'PROGRAMME', 'PROGRAMME', 'REVIEW'),
                               'customerId', JSON_OBJECT('value', customer_id),
                               'from', from_tier, 'occurredAt', :atText, 'to', to_tier)
            FROM tier_review_decision WHERE review_at = :at AND applied AND kind <> 'RENEW'
            ORDER BY customer_id""";

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Inject
    private Clock clock;

    protected SqlTierReviews() {}

    /** For tests outside the container. */
    public SqlTierReviews(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public ReviewProgress reviewNextBatch(Instant at, int batchSize) {
        LocalDateTime when = UtcTimes.utc(at);
        NamedSql.update(
                em,
                """
                INSERT INTO tier_review_run (review_at, started_at) VALUES (:at, :now)
                ON DUPLICATE KEY UPDATE review_at = review_at""",
                Map.of("at", when, "now", UtcTimes.utc(clock.instant())));
        Object[] run = (Object[]) NamedSql.query(
                        em,
                        "SELECT cursor_id, finished_at FROM tier_review_run WHERE review_at = :at FOR UPDATE",
                        Map.of("at", when))
                .getSingleResult();
        if (run[1] != null) {
            return progress(at);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> programme = em.createNativeQuery(
                        """
                        SELECT metric, window_months, grace_days, review_months, downgrade_one_step
                        FROM tier_programme WHERE id = 1 LOCK IN SHARE MODE""")
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> levels = em.createNativeQuery("SELECT name, threshold FROM tier_level ORDER BY position")
                .getResultList();
        String cursor = (String) run[0];
        Object[] range = (Object[]) NamedSql.query(
                        em,
                        "SELECT COUNT(*), MAX(id) FROM (SELECT id FROM customer WHERE id > :cursor ORDER BY id LIMIT :size) b",
                        Map.of("cursor", cursor, "size", batchSize))
                .getSingleResult();
        long customers = ((Number) range[0]).longValue();
        if (programme.isEmpty() || levels.isEmpty() || customers == 0) {
            NamedSql.update(
                    em,
                    "UPDATE tier_review_run SET finished_at = :now WHERE review_at = :at",
                    Map.of("at", when, "now", UtcTimes.utc(clock.instant())));
            return progress(at);
        }
        String high = (String) range[1];
        Object[] rules = programme.get(0);
        TierMetric metric = TierMetric.valueOf((String) rules[0]);
        QualifyingWindow window = QualifyingWindow.of(at, ((Number) rules[1]).intValue());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("at", when);
        parameters.put("low", cursor);
        parameters.put("high", high);
        parameters.put("firstMonth", window.firstDay());
        parameters.put("lastMonth", window.last().atDay(1));
        parameters.put("graceDays", ((Number) rules[2]).intValue());
        parameters.put("reviewMonths", ((Number) rules[3]).intValue());
        parameters.put("oneStep", truthy(rules[4]));
        NamedSql.update(em, decide(metric, levels, parameters), parameters);
        NamedSql.update(em, START_STANDINGS, Map.of("at", when));
        NamedSql.update(em, APPLY, Map.of("at", when));
        NamedSql.update(em, AUDIT, Map.of("at", when, "reference", "review:" + at));
        NamedSql.update(em, PUBLISH, Map.of("at", when, "atText", at.toString()));
        @SuppressWarnings("unchecked")
        List<Object[]> applied = NamedSql.query(
                        em,
                        "SELECT kind, COUNT(*) FROM tier_review_decision WHERE review_at = :at AND applied GROUP BY kind",
                        Map.of("at", when))
                .getResultList();
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : applied) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        NamedSql.update(
                em,
                """
                UPDATE tier_review_run SET cursor_id = :high, customers = customers + :customers,
                    upgraded = upgraded + :up, downgraded = downgraded + :down, renewed = renewed + :renew,
                    placed = placed + :placed
                WHERE review_at = :at""",
                Map.of(
                        "at", when,
                        "high", high,
                        "customers", customers,
                        "up", counts.getOrDefault("UP", 0L),
                        "down", counts.getOrDefault("DOWN", 0L),
                        "renew", counts.getOrDefault("RENEW", 0L),
                        "placed", counts.getOrDefault("PROGRAMME", 0L)));
        NamedSql.update(em, "DELETE FROM tier_review_decision WHERE review_at = :at", Map.of("at", when));
        return progress(at);
    }

    /** The DECIDE statement for these tiers, their names and thresholds bound in {@code parameters}. */
    static String decide(TierMetric metric, List<Object[]> levels, Map<String, Object> parameters) {
        StringBuilder curPos = new StringBuilder("CASE LOWER(ct.tier)");
        StringBuilder curThreshold = new StringBuilder("CASE s.cur_pos");
        StringBuilder reached = new StringBuilder("CASE");
        StringBuilder fromName = new StringBuilder("CASE r.cur_pos");
        StringBuilder toName = new StringBuilder("CASE d.to_pos");
        for (int i = 0; i < levels.size(); i++) {
            parameters.put("name" + i, levels.get(i)[0]);
            parameters.put("threshold" + i, ((Number) levels.get(i)[1]).longValue());
            curPos.append(" WHEN LOWER(:name").append(i).append(") THEN ").append(i);
            curThreshold.append(" WHEN ").append(i).append(" THEN :threshold").append(i);
            fromName.append(" WHEN ").append(i).append(" THEN :name").append(i);
            toName.append(" WHEN ").append(i).append(" THEN :name").append(i);
        }
        for (int i = levels.size() - 1; i > 0; i--) {
            reached.append(" WHEN r.qualifying >= :threshold")
                    .append(i)
                    .append(" THEN ")
                    .append(i);
        }
        return DECIDE.replace("METRIC", JpaQualifyingActivity.column(metric))
                .replace("CUR_POS", curPos.append(" END"))
                .replace("CUR_THRESHOLD", curThreshold.append(" END"))
                .replace("REACHED_POS", reached.append(" ELSE 0 END"))
                .replace("FROM_NAME", fromName.append(" END"))
                .replace("TO_NAME", toName.append(" END"));
    }

    private ReviewProgress progress(Instant at) {
        Object[] row = (Object[]) NamedSql.query(
                        em,
                        """
                        SELECT customers, upgraded, downgraded, renewed, placed, finished_at
                        FROM tier_review_run WHERE review_at = :at""",
                        Map.of("at", UtcTimes.utc(at)))
                .getSingleResult();
        return new ReviewProgress(
                at,
                ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue(),
                ((Number) row[4]).longValue(),
                row[5] != null);
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        return ((Number) value).intValue() != 0;
    }
}
