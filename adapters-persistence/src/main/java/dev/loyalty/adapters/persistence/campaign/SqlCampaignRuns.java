package dev.loyalty.adapters.persistence.campaign;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.campaign.CampaignRun;
import dev.loyalty.application.campaign.CampaignRunLane;
import dev.loyalty.application.campaign.CampaignRuns;
import dev.loyalty.application.campaign.CampaignTargets;
import dev.loyalty.application.campaign.RunLanes;
import dev.loyalty.application.campaign.RunStatus;
import dev.loyalty.domain.campaign.CampaignId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs in {@code campaign_run}: the slot is unique (INSERT IGNORE keeps the first), the lease two
 * columns every write after the claim is conditional on. A run is prepared once its cursor is set
 * ({@code ''} before its first page; {@code NULL} before its preparation). A run prepared in lanes
 * has them in {@code campaign_run_lane}, each with its own cursor and lease; the run's row then
 * holds the tallies and its status only.
 */
@ApplicationScoped
public class SqlCampaignRuns implements CampaignRuns {

    private static final String COLUMNS =
            "SELECT id, campaign_id, scheduled_for, status, snapshot_id, total, processed, offered, held_out,"
                    + " suppressed, over_budget, cursor_customer, cursor_customer IS NOT NULL,"
                    + " started_at, finished_at, error FROM campaign_run";

    @PersistenceContext(unitName = "loyalty")
    EntityManager em;

    protected SqlCampaignRuns() {}

    /** For tests outside the container. */
    public SqlCampaignRuns(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean create(CampaignRun run) {
        return em.createNativeQuery(
                                """
                        INSERT IGNORE INTO campaign_run (id, campaign_id, scheduled_for, status, started_at)
                        VALUES (?, ?, ?, 'RUNNING', ?)""")
                        .setParameter(1, run.id().toString())
                        .setParameter(2, run.campaign().toString())
                        .setParameter(3, UtcTimes.utc(run.scheduledFor()))
                        .setParameter(4, UtcTimes.utc(run.startedAt()))
                        .executeUpdate()
                == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<CampaignRun> byId(UUID runId) {
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " WHERE id = ?")
                .setParameter(1, runId.toString())
                .getResultList();
        return rows.stream().findFirst().map(SqlCampaignRuns::run);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<CampaignRun> bySlot(CampaignId campaign, Instant scheduledFor) {
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " WHERE campaign_id = ? AND scheduled_for = ?")
                .setParameter(1, campaign.toString())
                .setParameter(2, UtcTimes.utc(scheduledFor))
                .getResultList();
        return rows.stream().findFirst().map(SqlCampaignRuns::run);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<CampaignRun> of(CampaignId campaign) {
        List<Object[]> rows = em.createNativeQuery(
                        COLUMNS + " WHERE campaign_id = ? ORDER BY scheduled_for DESC, id LIMIT 1000")
                .setParameter(1, campaign.toString())
                .getResultList();
        return rows.stream().map(SqlCampaignRuns::run).toList();
    }

    @Override
    public Optional<CampaignRun> claim(UUID runId, String owner, Instant now, Instant leaseUntil) {
        int claimed = em.createNativeQuery(
                        """
                        UPDATE campaign_run SET lease_owner = ?, lease_until = ?
                        WHERE id = ? AND status = 'RUNNING' AND (lease_owner IS NULL OR lease_until < ?)""")
                .setParameter(1, owner)
                .setParameter(2, UtcTimes.utc(leaseUntil))
                .setParameter(3, runId.toString())
                .setParameter(4, UtcTimes.utc(now))
                .executeUpdate();
        return claimed == 1 ? byId(runId) : Optional.empty();
    }

    @Override
    public boolean extend(UUID runId, String owner, Instant leaseUntil) {
        return em.createNativeQuery(
                                "UPDATE campaign_run SET lease_until = ? WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'")
                        .setParameter(1, UtcTimes.utc(leaseUntil))
                        .setParameter(2, runId.toString())
                        .setParameter(3, owner)
                        .executeUpdate()
                == 1;
    }

    @Override
    public boolean prepared(UUID runId, String owner, CampaignTargets.Prepared prepared, Instant leaseUntil) {
        return em.createNativeQuery(
                                """
                        UPDATE campaign_run SET snapshot_id = ?, total = ?, cursor_customer = '', lease_until = ?
                        WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'""")
                        .setParameter(1, prepared.snapshot().map(UUID::toString).orElse(null))
                        .setParameter(2, prepared.total())
                        .setParameter(3, UtcTimes.utc(leaseUntil))
                        .setParameter(4, runId.toString())
                        .setParameter(5, owner)
                        .executeUpdate()
                == 1;
    }

    @Override
    public boolean page(UUID runId, String owner, String cursor, PageTally tally, Instant leaseUntil) {
        return em.createNativeQuery(
                                """
                        UPDATE campaign_run SET cursor_customer = ?, processed = processed + ?, offered = offered + ?,
                            held_out = held_out + ?, suppressed = suppressed + ?, over_budget = over_budget + ?,
                            lease_until = ?
                        WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'""")
                        .setParameter(1, cursor)
                        .setParameter(2, tally.processed())
                        .setParameter(3, tally.offered())
                        .setParameter(4, tally.heldOut())
                        .setParameter(5, tally.suppressed())
                        .setParameter(6, tally.overBudget())
                        .setParameter(7, UtcTimes.utc(leaseUntil))
                        .setParameter(8, runId.toString())
                        .setParameter(9, owner)
                        .executeUpdate()
                == 1;
    }

    @Override
    public void spentUnlimited(UUID runId, long coupons, long discountCents, long points) {
        em.createNativeQuery(
                        """
                        UPDATE campaign_run SET spent_coupons = spent_coupons + ?,
                            spent_discount_cents = spent_discount_cents + ?, spent_points = spent_points + ?
                        WHERE id = ?""")
                .setParameter(1, coupons)
                .setParameter(2, discountCents)
                .setParameter(3, points)
                .setParameter(4, runId.toString())
                .executeUpdate();
    }

    /**
     * Adds what the run spent without a limit to its campaign's counters and clears it: by the call
     * that ended the run (after its row's update, so the run's row is locked before the campaign's).
     */
    private void settle(UUID runId) {
        em.createNativeQuery(
                        """
                        UPDATE campaign c JOIN campaign_run r ON r.campaign_id = c.id
                        SET c.coupons_issued = c.coupons_issued + r.spent_coupons,
                            c.discount_committed_cents = c.discount_committed_cents + r.spent_discount_cents,
                            c.points_granted = c.points_granted + r.spent_points
                        WHERE r.id = ? AND (r.spent_coupons > 0 OR r.spent_discount_cents > 0 OR r.spent_points > 0)""")
                .setParameter(1, runId.toString())
                .executeUpdate();
        em.createNativeQuery(
                        "UPDATE campaign_run SET spent_coupons = 0, spent_discount_cents = 0, spent_points = 0 WHERE id = ?")
                .setParameter(1, runId.toString())
                .executeUpdate();
    }

    @Override
    public void finish(UUID runId, String owner, RunStatus status, Optional<String> error, Instant now) {
        int ended = em.createNativeQuery(
                        """
                        UPDATE campaign_run SET status = ?, error = ?, finished_at = ?, lease_owner = NULL,
                            lease_until = NULL
                        WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'""")
                .setParameter(1, status.name())
                .setParameter(2, error.orElse(null))
                .setParameter(3, UtcTimes.utc(now))
                .setParameter(4, runId.toString())
                .setParameter(5, owner)
                .executeUpdate();
        if (ended == 1) {
            settle(runId);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> abandoned(Instant now, int limit) {
        List<Object> rows = em.createNativeQuery(
                        """
                        SELECT r.id FROM campaign_run r JOIN campaign c ON c.id = r.campaign_id
                        WHERE r.status = 'RUNNING' AND c.status IN ('SCHEDULED', 'RUNNING', 'CANCELLED')
                          AND (((r.lease_until IS NULL OR r.lease_until < ?)
                                AND NOT EXISTS (SELECT 1 FROM campaign_run_lane a WHERE a.run_id = r.id))
                            OR EXISTS (SELECT 1 FROM campaign_run_lane l WHERE l.run_id = r.id AND NOT l.done
                                AND (l.lease_until IS NULL OR l.lease_until < ?)))
                        ORDER BY r.started_at"""
                                + " LIMIT " + Math.max(1, Math.min(limit, 1000)))
                .setParameter(1, UtcTimes.utc(now))
                .setParameter(2, UtcTimes.utc(now))
                .getResultList();
        return rows.stream().map(id -> UUID.fromString((String) id)).toList();
    }

    @Override
    public void createLanes(UUID runId, List<RunLanes.Range> lanes) {
        for (RunLanes.Range lane : lanes) {
            em.createNativeQuery(
                            "INSERT INTO campaign_run_lane (run_id, lane, low, high, cursor_customer) VALUES (?, ?, ?, ?, ?)")
                    .setParameter(1, runId.toString())
                    .setParameter(2, lane.lane())
                    .setParameter(3, lane.low())
                    .setParameter(4, lane.high().orElse(null))
                    .setParameter(5, lane.low())
                    .executeUpdate();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<CampaignRunLane> lanes(UUID runId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT lane, low, high, cursor_customer, done + 0 FROM campaign_run_lane WHERE run_id = ? ORDER BY lane")
                .setParameter(1, runId.toString())
                .getResultList();
        return rows.stream().map(row -> lane(runId, row)).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<CampaignRunLane> claimLane(UUID runId, int lane, String owner, Instant now, Instant leaseUntil) {
        int claimed = em.createNativeQuery(
                        """
                        UPDATE campaign_run_lane SET lease_owner = ?, lease_until = ?
                        WHERE run_id = ? AND lane = ? AND NOT done AND (lease_owner IS NULL OR lease_until < ?)""")
                .setParameter(1, owner)
                .setParameter(2, UtcTimes.utc(leaseUntil))
                .setParameter(3, runId.toString())
                .setParameter(4, lane)
                .setParameter(5, UtcTimes.utc(now))
                .executeUpdate();
        if (claimed != 1) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT lane, low, high, cursor_customer, done + 0 FROM campaign_run_lane WHERE run_id = ? AND lane = ?")
                .setParameter(1, runId.toString())
                .setParameter(2, lane)
                .getResultList();
        return rows.stream().findFirst().map(row -> lane(runId, row));
    }

    @Override
    public boolean lanePage(UUID runId, int lane, String owner, String cursor, PageTally tally, Instant leaseUntil) {
        int run = em.createNativeQuery(
                        """
                        UPDATE campaign_run SET processed = processed + ?, offered = offered + ?,
                            held_out = held_out + ?, suppressed = suppressed + ?, over_budget = over_budget + ?
                        WHERE id = ? AND status = 'RUNNING'""")
                .setParameter(1, tally.processed())
                .setParameter(2, tally.offered())
                .setParameter(3, tally.heldOut())
                .setParameter(4, tally.suppressed())
                .setParameter(5, tally.overBudget())
                .setParameter(6, runId.toString())
                .executeUpdate();
        return run == 1
                && em.createNativeQuery(
                                        """
                        UPDATE campaign_run_lane SET cursor_customer = ?, lease_until = ?
                        WHERE run_id = ? AND lane = ? AND lease_owner = ? AND NOT done""")
                                .setParameter(1, cursor)
                                .setParameter(2, UtcTimes.utc(leaseUntil))
                                .setParameter(3, runId.toString())
                                .setParameter(4, lane)
                                .setParameter(5, owner)
                                .executeUpdate()
                        == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public LaneEnd finishLane(UUID runId, int lane, String owner, Instant now) {
        // the run's row first (as a chunk's tally locks it before its lane): two lanes ending together
        // decide one after the other, and the second sees the first's lane done
        List<Object> running = em.createNativeQuery(
                        "SELECT id FROM campaign_run WHERE id = ? AND status = 'RUNNING' FOR UPDATE")
                .setParameter(1, runId.toString())
                .getResultList();
        if (running.isEmpty()) {
            return LaneEnd.LOST;
        }
        int ended = em.createNativeQuery(
                        """
                        UPDATE campaign_run_lane SET done = TRUE, lease_owner = NULL, lease_until = NULL
                        WHERE run_id = ? AND lane = ? AND lease_owner = ? AND NOT done""")
                .setParameter(1, runId.toString())
                .setParameter(2, lane)
                .setParameter(3, owner)
                .executeUpdate();
        if (ended != 1) {
            return LaneEnd.LOST;
        }
        long left = NativeRows.number(
                em.createNativeQuery("SELECT COUNT(*) FROM campaign_run_lane WHERE run_id = ? AND NOT done")
                        .setParameter(1, runId.toString())
                        .getSingleResult());
        if (left > 0) {
            return LaneEnd.DONE;
        }
        em.createNativeQuery(
                        """
                        UPDATE campaign_run SET status = 'COMPLETED', finished_at = ?, lease_owner = NULL,
                            lease_until = NULL
                        WHERE id = ? AND status = 'RUNNING'""")
                .setParameter(1, UtcTimes.utc(now))
                .setParameter(2, runId.toString())
                .executeUpdate();
        settle(runId);
        return LaneEnd.COMPLETED;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void fail(UUID runId, String error, Instant now) {
        // the campaign's row first, before the run's: a lane's chunk holds it shared (its members'
        // foreign key) until it has the run's row for its tally, so the other order would deadlock
        List<Object> campaign = em.createNativeQuery("SELECT campaign_id FROM campaign_run WHERE id = ?")
                .setParameter(1, runId.toString())
                .getResultList();
        if (campaign.isEmpty()) {
            return;
        }
        em.createNativeQuery("SELECT id FROM campaign WHERE id = ? FOR UPDATE")
                .setParameter(1, campaign.get(0))
                .getResultList();
        int ended = em.createNativeQuery(
                        """
                        UPDATE campaign_run SET status = 'FAILED', error = ?, finished_at = ?, lease_owner = NULL,
                            lease_until = NULL
                        WHERE id = ? AND status = 'RUNNING'""")
                .setParameter(1, error)
                .setParameter(2, UtcTimes.utc(now))
                .setParameter(3, runId.toString())
                .executeUpdate();
        if (ended == 1) {
            settle(runId);
        }
    }

    private static CampaignRunLane lane(UUID runId, Object[] row) {
        return new CampaignRunLane(
                runId,
                (int) NativeRows.number(row[0]),
                (String) row[1],
                Optional.ofNullable((String) row[2]),
                (String) row[3],
                NativeRows.number(row[4]) != 0);
    }

    private static CampaignRun run(Object[] row) {
        return new CampaignRun(
                UUID.fromString((String) row[0]),
                new CampaignId(UUID.fromString((String) row[1])),
                NativeRows.instant(row[2]),
                RunStatus.valueOf((String) row[3]),
                Optional.ofNullable((String) row[4]).map(UUID::fromString),
                NativeRows.number(row[5]),
                NativeRows.number(row[6]),
                NativeRows.number(row[7]),
                NativeRows.number(row[8]),
                NativeRows.number(row[9]),
                NativeRows.number(row[10]),
                row[11] == null ? "" : (String) row[11],
                row[11] != null,
                NativeRows.instant(row[13]),
                Optional.ofNullable(NativeRows.instant(row[14])),
                Optional.ofNullable((String) row[15]));
    }
}
