package dev.loyalty.adapters.persistence.campaign;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.campaign.CampaignMembers;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.campaign.FollowUp;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Members in {@code campaign_member}: the primary key (campaign, customer, occasion) makes a second
 * record impossible (INSERT IGNORE keeps the first). A follow-up's targets are read by the same
 * definition of a responder as the evaluation's: a purchase (live or imported) in {@code
 * [contacted_at, contacted_at + attributionDays)} - including the member's product or category when
 * the member has a scope.
 */
@ApplicationScoped
public class SqlCampaignMembers implements CampaignMembers {

    private static final String RESPONDED =
            """
            EXISTS (SELECT 1 FROM purchase p WHERE p.customer_id = m.customer_id
                      AND p.occurred_at >= m.contacted_at
                      AND p.occurred_at < m.contacted_at + INTERVAL ? DAY
                      AND (m.scope_sku IS NULL OR EXISTS (SELECT 1 FROM purchase_line l
                           WHERE l.purchase_id = p.id AND l.sku = m.scope_sku))
                      AND (m.scope_category IS NULL OR EXISTS (SELECT 1 FROM purchase_line l
                           WHERE l.purchase_id = p.id AND l.category = m.scope_category)))""";

    /** A page's members: a plain INSERT, so a key recorded meanwhile fails the whole page. */
    private static final dev.loyalty.adapters.persistence.sql.NativeInsert MEMBERS =
            new dev.loyalty.adapters.persistence.sql.NativeInsert(
                    "campaign_member",
                    "campaign_id",
                    "customer_id",
                    "occasion",
                    "run_id",
                    "member_group",
                    "outcome",
                    "suppressed_reason",
                    "channel",
                    "contacted_at",
                    "message_id",
                    "coupon_code",
                    "points",
                    "offer_value_cents",
                    "offer_min_spend_cents",
                    "scope_sku",
                    "scope_category");

    @PersistenceContext(unitName = "loyalty")
    EntityManager em;

    protected SqlCampaignMembers() {}

    /** For tests outside the container. */
    public SqlCampaignMembers(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean record(Member member) {
        return em.createNativeQuery(
                                """
                        INSERT IGNORE INTO campaign_member (campaign_id, customer_id, occasion, run_id, member_group,
                            outcome, contacted_at, scope_sku, scope_category)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .setParameter(1, member.campaign().toString())
                        .setParameter(2, member.customer().toString())
                        .setParameter(3, member.occasion())
                        .setParameter(4, member.runId().toString())
                        .setParameter(5, member.treatment() ? "TREATMENT" : "CONTROL")
                        .setParameter(6, member.outcome())
                        .setParameter(7, UtcTimes.utc(member.contactedAt()))
                        .setParameter(8, member.scopeSku().orElse(null))
                        .setParameter(9, member.scopeCategory().orElse(null))
                        .executeUpdate()
                == 1;
    }

    @Override
    public void complete(Member member) {
        em.createNativeQuery(
                        """
                        UPDATE campaign_member SET outcome = ?, suppressed_reason = ?, channel = ?, message_id = ?,
                            coupon_code = ?, points = ?, offer_value_cents = ?, offer_min_spend_cents = ?,
                            scope_sku = ?, scope_category = ?
                        WHERE campaign_id = ? AND customer_id = ? AND occasion = ?""")
                .setParameter(1, member.outcome())
                .setParameter(2, member.suppressedReason().orElse(null))
                .setParameter(3, member.channel().orElse(null))
                .setParameter(4, member.messageId().map(UUID::toString).orElse(null))
                .setParameter(5, member.couponCode().orElse(null))
                .setParameter(6, member.points())
                .setParameter(7, member.offerValueCents().orElse(null))
                .setParameter(8, member.offerMinSpendCents().orElse(null))
                .setParameter(9, member.scopeSku().orElse(null))
                .setParameter(10, member.scopeCategory().orElse(null))
                .setParameter(11, member.campaign().toString())
                .setParameter(12, member.customer().toString())
                .setParameter(13, member.occasion())
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public java.util.Set<String> recorded(CampaignId campaign, java.util.Collection<CustomerId> customers) {
        List<String> ids =
                customers.stream().map(CustomerId::toString).distinct().toList();
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        jakarta.persistence.Query query = em.createNativeQuery(
                "SELECT customer_id, occasion FROM campaign_member WHERE campaign_id = ? AND customer_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")");
        query.setParameter(1, campaign.toString());
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(2 + i, ids.get(i));
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            keys.add(row[0] + " " + row[1]);
        }
        return keys;
    }

    @Override
    public void recordAll(List<Member> members) {
        MEMBERS.rows(em, rows(members));
    }

    private static List<Object[]> rows(List<Member> members) {
        return members.stream()
                .map(member -> new Object[] {
                    member.campaign().toString(),
                    member.customer().toString(),
                    member.occasion(),
                    member.runId().toString(),
                    member.treatment() ? "TREATMENT" : "CONTROL",
                    member.outcome(),
                    member.suppressedReason().orElse(null),
                    member.channel().orElse(null),
                    UtcTimes.utc(member.contactedAt()),
                    member.messageId().map(UUID::toString).orElse(null),
                    member.couponCode().orElse(null),
                    member.points(),
                    member.offerValueCents().orElse(null),
                    member.offerMinSpendCents().orElse(null),
                    member.scopeSku().orElse(null),
                    member.scopeCategory().orElse(null)
                })
                .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<CustomerId> followUpTargets(
            CampaignId earlier,
            FollowUp.Group group,
            int attributionDays,
            Instant now,
            String afterCustomerId,
            int limit) {
        List<Object> rows = em.createNativeQuery("SELECT DISTINCT m.customer_id " + followUpFrom(group)
                        + " AND m.customer_id > ? ORDER BY m.customer_id LIMIT " + Math.max(1, Math.min(limit, 10_000)))
                .setParameter(1, earlier.toString())
                .setParameter(2, attributionDays)
                .setParameter(3, UtcTimes.utc(now))
                .setParameter(4, attributionDays)
                .setParameter(5, afterCustomerId == null ? "" : afterCustomerId)
                .getResultList();
        return rows.stream()
                .map(id -> new CustomerId(UUID.fromString((String) id)))
                .toList();
    }

    @Override
    public long countFollowUpTargets(CampaignId earlier, FollowUp.Group group, int attributionDays, Instant now) {
        Object count = em.createNativeQuery("SELECT COUNT(DISTINCT m.customer_id) " + followUpFrom(group))
                .setParameter(1, earlier.toString())
                .setParameter(2, attributionDays)
                .setParameter(3, UtcTimes.utc(now))
                .setParameter(4, attributionDays)
                .getSingleResult();
        return NativeRows.number(count);
    }

    private static String followUpFrom(FollowUp.Group group) {
        return "FROM campaign_member m WHERE m.campaign_id = ? AND m.member_group = 'TREATMENT'"
                + " AND m.outcome IN ('OFFERED', 'SUPPRESSED') AND m.contacted_at + INTERVAL ? DAY <= ? AND "
                + (group == FollowUp.Group.RESPONDERS ? "" : "NOT ") + RESPONDED;
    }
}
