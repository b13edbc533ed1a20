package dev.loyalty.adapters.persistence.campaign;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.campaign.CampaignRun;
import dev.loyalty.application.campaign.CampaignRuns;
import dev.loyalty.application.campaign.CampaignTargets;
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
 * ({@code ''} before its first page; {@code NULL} before its preparation).
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
    public void finish(UUID runId, String owner, RunStatus status, Optional<String> error, Instant now) {
        em.createNativeQuery(
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
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> abandoned(Instant now, int limit) {
        List<Object> rows = em.createNativeQuery(
                        """
                        SELECT r.id FROM campaign_run r JOIN campaign c ON c.id = r.campaign_id
                        WHERE r.status = 'RUNNING' AND (r.lease_until IS NULL OR r.lease_until < ?)
                          AND c.status IN ('SCHEDULED', 'RUNNING', 'CANCELLED')
                        ORDER BY r.started_at"""
                                + " LIMIT " + Math.max(1, Math.min(limit, 1000)))
                .setParameter(1, UtcTimes.utc(now))
                .getResultList();
        return rows.stream().map(id -> UUID.fromString((String) id)).toList();
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
