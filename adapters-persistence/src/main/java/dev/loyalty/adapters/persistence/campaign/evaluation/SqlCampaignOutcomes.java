package dev.loyalty.adapters.persistence.campaign.evaluation;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.campaign.evaluation.CampaignOutcomes;
import dev.loyalty.application.campaign.evaluation.GroupActivity;
import dev.loyalty.application.campaign.evaluation.MemberOutcome;
import dev.loyalty.application.campaign.evaluation.MemberQuery;
import dev.loyalty.domain.campaign.evaluation.GroupFigures;
import dev.loyalty.domain.campaign.evaluation.MemberGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The evaluation's SQL. Each member's window is [contacted_at, contacted_at + attribution days); a
 * purchase in it is attributed when it has a line of the member's {@code scope_sku}, if set, and a
 * line of its {@code scope_category}, if set (the follow-up's definition of a responder too). A member's revenue is what the
 * attributed purchases paid less what was reversed. One pass over the campaign's members (in primary
 * key order, each window an index range of {@code ix_purchase_customer}) gives both groups' figures.
 */
@ApplicationScoped
public class SqlCampaignOutcomes implements CampaignOutcomes {

    /** A purchase {@code p} attributed to member {@code m} (parameter: the attribution days). */
    static final String ATTRIBUTED = "p.customer_id = m.customer_id AND p.occurred_at >= m.contacted_at"
            + " AND p.occurred_at < m.contacted_at + INTERVAL ? DAY"
            + " AND (m.scope_sku IS NULL OR EXISTS (SELECT 1 FROM purchase_line l"
            + " WHERE l.purchase_id = p.id AND l.sku = m.scope_sku))"
            + " AND (m.scope_category IS NULL OR EXISTS (SELECT 1 FROM purchase_line l"
            + " WHERE l.purchase_id = p.id AND l.category = m.scope_category))";

    /**
     * Both groups' figures: the settled members' outcomes summed as written (one pass over their
     * rows), plus the members whose window is open (or not settled yet) computed live - one row per
     * member (grouped by the primary key), narrowed to numbers, each window read from {@code
     * ix_purchase_customer} alone (it carries what a purchase paid) - the two added per group.
     * Parameters: the campaign; the attribution days, the campaign.
     */
    private static final String PER_GROUP = "SELECT y.treatment, SUM(y.members), SUM(y.responders),"
            + " SUM(y.revenue), SUM(y.revenue_squares), SUM(y.purchases), SUM(y.offered), SUM(y.coupons),"
            + " SUM(y.redeemed), SUM(y.points) FROM ("
            + "SELECT m.member_group = 'TREATMENT' AS treatment, COUNT(*) AS members,"
            + " SUM(m.outcome_purchases > 0) AS responders, SUM(m.outcome_revenue_cents) AS revenue,"
            + " SUM(CAST(m.outcome_revenue_cents AS DECIMAL(38, 0)) * m.outcome_revenue_cents) AS revenue_squares,"
            + " SUM(m.outcome_purchases) AS purchases, SUM(m.outcome = 'OFFERED') AS offered,"
            + " SUM(m.coupon_code IS NOT NULL) AS coupons, SUM(c.status <=> 'REDEEMED') AS redeemed,"
            + " SUM(m.points) AS points"
            + " FROM campaign_member m LEFT JOIN coupon c ON c.code = m.coupon_code"
            + " WHERE m.campaign_id = ? AND m.outcome_settled = 1 GROUP BY m.member_group = 'TREATMENT'"
            + " UNION ALL "
            + "SELECT x.treatment, COUNT(*), SUM(x.purchases > 0),"
            + " COALESCE(SUM(x.revenue), 0), COALESCE(SUM(CAST(x.revenue AS DECIMAL(38, 0)) * x.revenue), 0),"
            + " COALESCE(SUM(x.purchases), 0), SUM(x.offered), SUM(x.coupon),"
            + " COALESCE(SUM(x.redeemed), 0), COALESCE(SUM(x.points), 0)"
            + " FROM (SELECT MIN(m.member_group = 'TREATMENT') AS treatment, MIN(m.outcome = 'OFFERED') AS offered,"
            + " MIN(m.coupon_code IS NOT NULL) AS coupon, MIN(m.points) AS points,"
            + " MAX(CASE WHEN c.status = 'REDEEMED' THEN 1 ELSE 0 END) AS redeemed,"
            + " COUNT(p.id) AS purchases, COALESCE(SUM(p.total_paid - p.amount_reversed), 0) AS revenue"
            + " FROM campaign_member m"
            + " LEFT JOIN coupon c ON c.code = m.coupon_code"
            + " LEFT JOIN purchase p ON " + ATTRIBUTED
            + " WHERE m.campaign_id = ? AND m.outcome_settled = 0"
            + " GROUP BY m.customer_id, m.occasion ORDER BY NULL) x"
            + " GROUP BY x.treatment) y GROUP BY y.treatment";

    /**
     * A campaign's members whose window closed before a bound, not settled yet, given their outcome:
     * the attributed purchases and what they paid, by {@link #ATTRIBUTED}. The chunk's keys are read
     * first, in a derived table (materialized): an UPDATE ... LIMIT scanning the settling's index
     * would collect every row it matches before the limit, since it changes that index's key.
     * A member recorded less than the grace ago waits (history imported after its members still
     * counts). Parameters: the campaign, the latest contact whose window closed before the bound, the
     * grace in seconds, the limit,
     * the campaign; the attribution days twice.
     */
    private static final String SETTLE = "UPDATE campaign_member m JOIN (SELECT d.customer_id, d.occasion"
            + " FROM campaign_member d WHERE d.campaign_id = ? AND d.outcome_settled = 0 AND d.contacted_at < ?"
            + " AND d.recorded_at < NOW(6) - INTERVAL ? SECOND LIMIT ?) k ON m.campaign_id = ? AND m.customer_id = k.customer_id AND m.occasion = k.occasion SET"
            + " m.outcome_purchases = (SELECT COUNT(*) FROM purchase p WHERE " + ATTRIBUTED + "),"
            + " m.outcome_revenue_cents = (SELECT COALESCE(SUM(p.total_paid - p.amount_reversed), 0)"
            + " FROM purchase p WHERE " + ATTRIBUTED + "),"
            + " m.outcome_settled = 1";

    private static final String CONTACTS = "SELECT m.member_group, m.outcome, COALESCE(g.channel, m.channel),"
            + " g.status, COALESCE(m.suppressed_reason, g.reason), COUNT(*)"
            + " FROM campaign_member m LEFT JOIN message g ON g.id = m.message_id"
            + " WHERE m.campaign_id = ? AND (m.message_id IS NOT NULL OR m.outcome = 'SUPPRESSED')"
            + " GROUP BY m.member_group, m.outcome, COALESCE(g.channel, m.channel), g.status,"
            + " COALESCE(m.suppressed_reason, g.reason)";

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlCampaignOutcomes() {}

    /** For tests outside the container. */
    public SqlCampaignOutcomes(EntityManager em) {
        this.em = em;
    }

    /** The campaign's first ({@code MIN}) or last ({@code MAX}) contact among its members settled or not. */
    private static String contact(String which, int settled) {
        return "(SELECT " + which + "(m.contacted_at) FROM campaign_member m WHERE m.campaign_id = c.id"
                + " AND m.outcome_settled = " + settled + ")";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<EvaluatedCampaign> campaign(UUID campaignId) {
        // the first and last contacts, settled or not, each read off the end of a range of
        // ix_campaign_member_settle (campaign, settled, contact): no member row is read
        List<Object[]> rows = em.createNativeQuery("SELECT c.name, c.attribution_days,"
                        + " LEAST(COALESCE(" + contact("MIN", 0) + ", " + contact("MIN", 1) + "), COALESCE("
                        + contact("MIN", 1) + ", " + contact("MIN", 0) + ")),"
                        + " GREATEST(COALESCE(" + contact("MAX", 0) + ", " + contact("MAX", 1) + "), COALESCE("
                        + contact("MAX", 1) + ", " + contact("MAX", 0) + "))"
                        + " FROM campaign c WHERE c.id = ?")
                .setParameter(1, campaignId.toString())
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new EvaluatedCampaign(
                        campaignId,
                        (String) r[0],
                        (int) NativeRows.number(r[1]),
                        Optional.ofNullable(NativeRows.instant(r[2])),
                        Optional.ofNullable(NativeRows.instant(r[3]))));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<MemberGroup, GroupActivity> groups(EvaluatedCampaign campaign) {
        Map<MemberGroup, Map<String, Long>> channels = new EnumMap<>(MemberGroup.class);
        Map<MemberGroup, Map<String, Long>> reasons = new EnumMap<>(MemberGroup.class);
        Map<MemberGroup, Long> contacted = new EnumMap<>(MemberGroup.class);
        List<Object[]> contacts = em.createNativeQuery(CONTACTS)
                .setParameter(1, campaign.id().toString())
                .getResultList();
        for (Object[] row : contacts) {
            MemberGroup group = MemberGroup.valueOf((String) row[0]);
            String outcome = (String) row[1];
            String channel = (String) row[2];
            String status = (String) row[3];
            String reason = (String) row[4];
            long count = NativeRows.number(row[5]);
            if ("SUPPRESSED".equals(outcome) || "SUPPRESSED".equals(status)) {
                reasons.computeIfAbsent(group, g -> new LinkedHashMap<>())
                        .merge(reason == null ? "unknown" : reason, count, Long::sum);
            } else if (status != null && !"FAILED".equals(status)) {
                channels.computeIfAbsent(group, g -> new LinkedHashMap<>())
                        .merge(channel == null ? "unknown" : channel, count, Long::sum);
                contacted.merge(group, count, Long::sum);
            }
        }
        Map<MemberGroup, GroupActivity> groups = new EnumMap<>(MemberGroup.class);
        List<Object[]> rows = em.createNativeQuery(PER_GROUP)
                .setParameter(1, campaign.id().toString())
                .setParameter(2, campaign.attributionDays())
                .setParameter(3, campaign.id().toString())
                .getResultList();
        for (Object[] r : rows) {
            MemberGroup group = NativeRows.number(r[0]) != 0 ? MemberGroup.TREATMENT : MemberGroup.CONTROL;
            GroupFigures figures = new GroupFigures(
                    NativeRows.number(r[1]),
                    NativeRows.number(r[2]),
                    NativeRows.number(r[3]),
                    wholeNumber(r[4]),
                    NativeRows.number(r[5]));
            groups.put(
                    group,
                    new GroupActivity(
                            figures,
                            NativeRows.number(r[6]),
                            contacted.getOrDefault(group, 0L),
                            channels.getOrDefault(group, Map.of()),
                            reasons.getOrDefault(group, Map.of()),
                            NativeRows.number(r[7]),
                            NativeRows.number(r[8]),
                            NativeRows.number(r[9])));
        }
        return groups;
    }

    @Override
    @SuppressWarnings("unchecked")
    public int settle(Instant closedBefore, java.time.Duration grace, int limit) {
        // the campaigns with a member due: small (one row a campaign). The semi-join reads a campaign's
        // members by its key (the bound depends on the campaign's row), every member of it, at every tick:
        // 190,000 rows for two campaigns of 100,000 with none due. Its earliest unsettled contact, read
        // first from the settling's index (one entry), rules out every campaign with no member due.
        List<Object[]> due = em.createNativeQuery("SELECT c.id, c.attribution_days FROM campaign c"
                        + " WHERE (SELECT f.contacted_at FROM campaign_member f WHERE f.campaign_id = c.id"
                        + " AND f.outcome_settled = 0 ORDER BY f.contacted_at LIMIT 1)"
                        + " < ? - INTERVAL c.attribution_days DAY"
                        + " AND EXISTS (SELECT 1 FROM campaign_member m WHERE m.campaign_id = c.id"
                        + " AND m.outcome_settled = 0 AND m.contacted_at < ? - INTERVAL c.attribution_days DAY"
                        + " AND m.recorded_at < NOW(6) - INTERVAL ? SECOND)")
                .setParameter(1, UtcTimes.utc(closedBefore))
                .setParameter(2, UtcTimes.utc(closedBefore))
                .setParameter(3, grace.toSeconds())
                .getResultList();
        for (Object[] campaign : due) {
            int days = (int) NativeRows.number(campaign[1]);
            int settled = em.createNativeQuery(SETTLE)
                    .setParameter(1, (String) campaign[0])
                    .setParameter(2, UtcTimes.utc(closedBefore.minus(java.time.Duration.ofDays(days))))
                    .setParameter(3, grace.toSeconds())
                    .setParameter(4, limit)
                    .setParameter(5, (String) campaign[0])
                    .setParameter(6, days)
                    .setParameter(7, days)
                    .executeUpdate();
            if (settled > 0) {
                return settled;
            }
        }
        return 0;
    }

    @Override
    public long discountsGranted(UUID campaignId) {
        return NativeRows.number(em.createNativeQuery("SELECT COALESCE(SUM(pc.discount), 0) FROM coupon c"
                        + " JOIN purchase_coupon pc ON pc.code = c.code WHERE c.campaign_id = ?")
                .setParameter(1, campaignId.toString())
                .getSingleResult());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<MemberOutcome> members(EvaluatedCampaign campaign, MemberQuery query) {
        StringBuilder sql = new StringBuilder("SELECT m.customer_id, m.occasion, m.member_group, m.contacted_at,"
                + " IF(m.outcome_settled = 1, m.outcome_purchases > 0,"
                + " EXISTS (SELECT 1 FROM purchase p WHERE " + ATTRIBUTED + "))"
                + " FROM campaign_member m WHERE m.campaign_id = ?");
        List<Object> parameters = new ArrayList<>(
                List.of(campaign.attributionDays(), campaign.id().toString()));
        query.group().ifPresent(group -> {
            sql.append(" AND m.member_group = ?");
            parameters.add(group.name());
        });
        query.after().ifPresent(after -> {
            sql.append(" AND (m.customer_id > ? OR (m.customer_id = ? AND m.occasion > ?))");
            parameters.add(after.customerId().toString());
            parameters.add(after.customerId().toString());
            parameters.add(after.occasion());
        });
        query.responded().ifPresent(responded -> {
            sql.append(responded ? " AND " : " AND NOT ")
                    .append("IF(m.outcome_settled = 1, m.outcome_purchases > 0,")
                    .append(" EXISTS (SELECT 1 FROM purchase p WHERE ")
                    .append(ATTRIBUTED)
                    .append("))");
            parameters.add(campaign.attributionDays());
        });
        sql.append(" ORDER BY m.customer_id, m.occasion LIMIT ").append(query.limit());
        Query nativeQuery = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            nativeQuery.setParameter(i + 1, parameters.get(i));
        }
        return ((List<Object[]>) nativeQuery.getResultList())
                .stream()
                        .map(r -> new MemberOutcome(
                                UUID.fromString((String) r[0]),
                                (String) r[1],
                                MemberGroup.valueOf((String) r[2]),
                                NativeRows.instant(r[3]),
                                NativeRows.number(r[4]) != 0))
                        .toList();
    }

    /** A DECIMAL(38, 0) column (or a driver's narrower answer) as the exact whole number it is. */
    private static BigInteger wholeNumber(Object column) {
        if (column instanceof BigDecimal decimal) {
            return decimal.toBigIntegerExact();
        }
        if (column instanceof BigInteger integer) {
            return integer;
        }
        return BigInteger.valueOf(NativeRows.number(column));
    }
}
