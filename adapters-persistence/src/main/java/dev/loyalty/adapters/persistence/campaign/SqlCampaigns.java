package dev.loyalty.adapters.persistence.campaign;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.campaign.Campaigns;
import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignDefinitionParser;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.campaign.CampaignStatus;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Campaigns in {@code campaign}; the budget is spent with conditional updates of its counters. */
@ApplicationScoped
public class SqlCampaigns implements Campaigns {

    private static final String COLUMNS =
            "SELECT id, definition, status, holdout_key, version, created_at, updated_at, launched_at, next_run_at"
                    + " FROM campaign";

    @PersistenceContext(unitName = "loyalty")
    EntityManager em;

    protected SqlCampaigns() {}

    /** For tests outside the container. */
    public SqlCampaigns(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Campaign campaign) {
        var d = campaign.definition();
        em.createNativeQuery(
                        """
                        INSERT INTO campaign (id, name, objective, type, status, definition, holdout_percent,
                            holdout_key, attribution_days, active_from, active_until, next_run_at, max_coupons,
                            max_points, max_discount_cents, version, created_at, updated_at, launched_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .setParameter(1, campaign.id().toString())
                .setParameter(2, d.name())
                .setParameter(3, d.objective().orElse(null))
                .setParameter(4, d.type().name())
                .setParameter(5, campaign.status().name())
                .setParameter(6, d.json())
                .setParameter(7, d.holdoutPercent())
                .setParameter(8, campaign.holdoutKey())
                .setParameter(9, d.attributionDays())
                .setParameter(10, utc(d.activeFrom()))
                .setParameter(11, utc(d.activeUntil()))
                .setParameter(12, utc(campaign.nextRunAt()))
                .setParameter(13, boxed(d.budget().maxCoupons()))
                .setParameter(14, boxed(d.budget().maxPoints()))
                .setParameter(15, boxed(d.budget().maxDiscountCents()))
                .setParameter(16, campaign.version())
                .setParameter(17, UtcTimes.utc(campaign.createdAt()))
                .setParameter(18, UtcTimes.utc(campaign.updatedAt()))
                .setParameter(19, utc(campaign.launchedAt()))
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Campaign> byId(CampaignId id) {
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " WHERE id = ?")
                .setParameter(1, id.toString())
                .getResultList();
        return rows.stream().findFirst().map(SqlCampaigns::campaign);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Campaign> all() {
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " ORDER BY created_at DESC, id LIMIT 1000")
                .getResultList();
        return rows.stream().map(SqlCampaigns::campaign).toList();
    }

    @Override
    public void save(Campaign campaign, long expectedVersion) {
        var d = campaign.definition();
        int updated = em.createNativeQuery(
                        """
                        UPDATE campaign SET name = ?, objective = ?, type = ?, status = ?, definition = ?,
                            holdout_percent = ?, attribution_days = ?, active_from = ?, active_until = ?,
                            next_run_at = ?, max_coupons = ?, max_points = ?, max_discount_cents = ?, version = ?,
                            updated_at = ?, launched_at = ?,
                            completed_at = CASE WHEN ? IN ('COMPLETED', 'CANCELLED') THEN ? ELSE completed_at END
                        WHERE id = ? AND version = ?""")
                .setParameter(1, d.name())
                .setParameter(2, d.objective().orElse(null))
                .setParameter(3, d.type().name())
                .setParameter(4, campaign.status().name())
                .setParameter(5, d.json())
                .setParameter(6, d.holdoutPercent())
                .setParameter(7, d.attributionDays())
                .setParameter(8, utc(d.activeFrom()))
                .setParameter(9, utc(d.activeUntil()))
                .setParameter(10, utc(campaign.nextRunAt()))
                .setParameter(11, boxed(d.budget().maxCoupons()))
                .setParameter(12, boxed(d.budget().maxPoints()))
                .setParameter(13, boxed(d.budget().maxDiscountCents()))
                .setParameter(14, campaign.version())
                .setParameter(15, UtcTimes.utc(campaign.updatedAt()))
                .setParameter(16, utc(campaign.launchedAt()))
                .setParameter(17, campaign.status().name())
                .setParameter(18, UtcTimes.utc(campaign.updatedAt()))
                .setParameter(19, campaign.id().toString())
                .setParameter(20, expectedVersion)
                .executeUpdate();
        if (updated == 0) {
            throw new ConcurrentUpdateException("the campaign changed meanwhile; read it again");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Campaign> due(Instant now, int limit) {
        List<Object[]> rows = em.createNativeQuery(COLUMNS
                        + " WHERE status IN ('SCHEDULED', 'RUNNING') AND next_run_at <= ? ORDER BY next_run_at LIMIT "
                        + Math.max(1, Math.min(limit, 1000)))
                .setParameter(1, UtcTimes.utc(now))
                .getResultList();
        return rows.stream().map(SqlCampaigns::campaign).toList();
    }

    @Override
    public boolean advance(CampaignId id, Instant slot, Optional<Instant> next) {
        return em.createNativeQuery("UPDATE campaign SET next_run_at = ? WHERE id = ? AND next_run_at = ?")
                        .setParameter(1, utc(next))
                        .setParameter(2, id.toString())
                        .setParameter(3, UtcTimes.utc(slot))
                        .executeUpdate()
                == 1;
    }

    @Override
    public boolean spendCoupon(CampaignId id, long discountCents) {
        return em.createNativeQuery(
                                """
                        UPDATE campaign SET coupons_issued = coupons_issued + 1,
                            discount_committed_cents = discount_committed_cents + ?
                        WHERE id = ? AND (max_coupons IS NULL OR coupons_issued < max_coupons)
                          AND (max_discount_cents IS NULL OR discount_committed_cents + ? <= max_discount_cents)""")
                        .setParameter(1, discountCents)
                        .setParameter(2, id.toString())
                        .setParameter(3, discountCents)
                        .executeUpdate()
                == 1;
    }

    @Override
    public boolean spendPoints(CampaignId id, long points) {
        return em.createNativeQuery(
                                """
                        UPDATE campaign SET points_granted = points_granted + ?
                        WHERE id = ? AND (max_points IS NULL OR points_granted + ? <= max_points)""")
                        .setParameter(1, points)
                        .setParameter(2, id.toString())
                        .setParameter(3, points)
                        .executeUpdate()
                == 1;
    }

    @Override
    public void tagCoupon(
            String couponCode,
            CampaignId id,
            Optional<Long> valueCents,
            Optional<Long> minSpendCents,
            Optional<String> category) {
        em.createNativeQuery(
                        "UPDATE coupon SET campaign_id = ?, value_cents = ?, min_spend_cents = ?, category = ? WHERE code = ?")
                .setParameter(1, id.toString())
                .setParameter(2, valueCents.orElse(null))
                .setParameter(3, minSpendCents.orElse(null))
                .setParameter(4, category.orElse(null))
                .setParameter(5, couponCode)
                .executeUpdate();
    }

    /**
     * The campaign's row locked (FOR UPDATE: a second runner waits here until this page commits),
     * the coupons judged in order against its limits, their sum written conditionally on the
     * figures read (a change meanwhile, impossible under the lock, would fail the page).
     */
    @Override
    public List<Boolean> spendCoupons(CampaignId id, List<Long> discountCents) {
        if (discountCents.isEmpty()) {
            return List.of();
        }
        Object[] row = (Object[]) em.createNativeQuery("SELECT max_coupons, coupons_issued, max_discount_cents,"
                        + " discount_committed_cents FROM campaign WHERE id = ? FOR UPDATE")
                .setParameter(1, id.toString())
                .getSingleResult();
        Long maxCoupons = row[0] == null ? null : NativeRows.number(row[0]);
        long issued = NativeRows.number(row[1]);
        Long maxDiscount = row[2] == null ? null : NativeRows.number(row[2]);
        long committed = NativeRows.number(row[3]);
        List<Boolean> granted = new java.util.ArrayList<>(discountCents.size());
        long coupons = 0;
        long discount = 0;
        for (long value : discountCents) {
            boolean fits = (maxCoupons == null || issued + coupons < maxCoupons)
                    && (maxDiscount == null || committed + discount + value <= maxDiscount);
            if (fits) {
                coupons++;
                discount += value;
            }
            granted.add(fits);
        }
        if (coupons > 0
                && em.createNativeQuery("UPDATE campaign SET coupons_issued = coupons_issued + ?,"
                                        + " discount_committed_cents = discount_committed_cents + ?"
                                        + " WHERE id = ? AND coupons_issued = ? AND discount_committed_cents = ?")
                                .setParameter(1, coupons)
                                .setParameter(2, discount)
                                .setParameter(3, id.toString())
                                .setParameter(4, issued)
                                .setParameter(5, committed)
                                .executeUpdate()
                        != 1) {
            throw new IllegalStateException("campaign " + id + ": its coupon budget changed under its lock");
        }
        return granted;
    }

    /** As {@link #spendCoupons}, for points. */
    @Override
    public List<Boolean> spendPointsEach(CampaignId id, List<Long> points) {
        if (points.isEmpty()) {
            return List.of();
        }
        Object[] row = (Object[])
                em.createNativeQuery("SELECT max_points, points_granted FROM campaign WHERE id = ? FOR UPDATE")
                        .setParameter(1, id.toString())
                        .getSingleResult();
        Long max = row[0] == null ? null : NativeRows.number(row[0]);
        long spent = NativeRows.number(row[1]);
        List<Boolean> granted = new java.util.ArrayList<>(points.size());
        long sum = 0;
        for (long value : points) {
            boolean fits = max == null || spent + sum + value <= max;
            if (fits) {
                sum += value;
            }
            granted.add(fits);
        }
        if (sum > 0
                && em.createNativeQuery("UPDATE campaign SET points_granted = points_granted + ?"
                                        + " WHERE id = ? AND points_granted = ?")
                                .setParameter(1, sum)
                                .setParameter(2, id.toString())
                                .setParameter(3, spent)
                                .executeUpdate()
                        != 1) {
            throw new IllegalStateException("campaign " + id + ": its points budget changed under its lock");
        }
        return granted;
    }

    @Override
    public void markRunning(CampaignId id, Instant now) {
        em.createNativeQuery(
                        """
                        UPDATE campaign SET status = 'RUNNING', version = version + 1, updated_at = ?
                        WHERE id = ? AND status = 'SCHEDULED'""")
                .setParameter(1, UtcTimes.utc(now))
                .setParameter(2, id.toString())
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Campaign> mayBeOver(Instant now, int limit) {
        // an end date passed, or a schedule with no slot left once a run of it happened (a campaign
        // without a schedule - run from the console only - has no last slot)
        List<Object[]> rows = em.createNativeQuery(COLUMNS
                        + " c WHERE c.status IN ('SCHEDULED', 'RUNNING')"
                        + " AND (c.active_until <= ? OR (c.next_run_at IS NULL"
                        + " AND JSON_EXTRACT(c.definition, '$.schedule') IS NOT NULL"
                        + " AND EXISTS (SELECT 1 FROM campaign_run e WHERE e.campaign_id = c.id)))"
                        + " AND NOT EXISTS (SELECT 1 FROM campaign_run r WHERE r.campaign_id = c.id"
                        + " AND r.status = 'RUNNING') ORDER BY c.updated_at LIMIT "
                        + Math.max(1, Math.min(limit, 1000)))
                .setParameter(1, UtcTimes.utc(now))
                .getResultList();
        return rows.stream().map(SqlCampaigns::campaign).toList();
    }

    @Override
    public boolean complete(CampaignId id, Instant now) {
        return em.createNativeQuery(
                                """
                        UPDATE campaign c SET c.status = 'COMPLETED', c.completed_at = ?, c.next_run_at = NULL,
                            c.version = c.version + 1, c.updated_at = ?
                        WHERE c.id = ? AND c.status IN ('SCHEDULED', 'RUNNING')
                          AND NOT EXISTS (SELECT 1 FROM campaign_run r WHERE r.campaign_id = c.id
                                          AND r.status = 'RUNNING')""")
                        .setParameter(1, UtcTimes.utc(now))
                        .setParameter(2, UtcTimes.utc(now))
                        .setParameter(3, id.toString())
                        .executeUpdate()
                == 1;
    }

    private static Campaign campaign(Object[] row) {
        return Campaign.reconstitute(
                new CampaignId(UUID.fromString((String) row[0])),
                CampaignDefinitionParser.parse((String) row[1]),
                CampaignStatus.valueOf((String) row[2]),
                (String) row[3],
                NativeRows.number(row[4]),
                NativeRows.instant(row[5]),
                NativeRows.instant(row[6]),
                Optional.ofNullable(NativeRows.instant(row[7])),
                Optional.ofNullable(NativeRows.instant(row[8])));
    }

    private static Object utc(Optional<Instant> instant) {
        return instant.map(UtcTimes::utc).orElse(null);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
