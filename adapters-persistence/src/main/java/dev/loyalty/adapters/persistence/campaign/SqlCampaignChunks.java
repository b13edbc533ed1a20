package dev.loyalty.adapters.persistence.campaign;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.event.JpaDomainEventLog;
import dev.loyalty.adapters.persistence.operations.CommittedCounts;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.campaign.CampaignChunks;
import dev.loyalty.application.campaign.CampaignPages;
import dev.loyalty.application.campaign.CampaignRuns;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.PointsEarned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link CampaignChunks} in SQL: a chunk is a range of the frozen audience by customer id, {@code
 * (after, upTo]}, its members recorded by one {@code INSERT ... SELECT} with the holdout's hash
 * computed there ({@link SqlHoldout}); the rest of the chunk reads back the run's members of that
 * range by {@code ix_campaign_member_run (run_id, customer_id)} - exactly the rows this chunk wrote,
 * since a committed chunk moved the cursor past its range and an uncommitted one left nothing. The
 * treatment's wallets are updated first (their row locks keep a purchase crediting the same wallet
 * waiting), then each gets the ledger entry after its last one and the {@code POINTS_EARNED} event
 * with its balance after: the event's JSON is the one {@link JpaDomainEventLog} writes, made once
 * per chunk for sentinel values the statement replaces per member.
 */
@ApplicationScoped
public class SqlCampaignChunks implements CampaignChunks {

    private static final String SENTINEL_CUSTOMER = "00000000-0000-4000-8000-00000c0575e1";
    private static final long SENTINEL_SEQUENCE = 7_351_902_468_135L;
    private static final long SENTINEL_BALANCE = 8_462_013_579_246L;

    /**
     * The members this chunk recorded: the run's in the chunk's range, contacted at the chunk's
     * instant (one recorded before, by an earlier attempt, has another); parameters: run, after, up
     * to, the instant.
     */
    private static final String RANGE =
            " m.run_id = ? AND m.customer_id > ? AND m.customer_id <= ? AND m.contacted_at = ?";

    @PersistenceContext(unitName = "loyalty")
    EntityManager em;

    /** Points and events by type, once committed; absent outside the container. */
    @Inject
    CommittedCounts counts;

    /** Targets per chunk: {@code loyalty.campaigns.chunk-size} ({@code LOYALTY_CAMPAIGNS_CHUNK_SIZE}). */
    @Inject
    @ConfigProperty(name = "loyalty.campaigns.chunk-size", defaultValue = "5000")
    String configuredSize;

    /** The events' JSON: the event log's own (JSON-B, in the container). */
    private final Function<PointsEarned, String> json;

    protected SqlCampaignChunks() {
        this.json = JpaDomainEventLog::json;
    }

    /** For tests outside the container (no JSON-B there): the events' JSON made by {@code json}. */
    public SqlCampaignChunks(EntityManager em, Function<PointsEarned, String> json) {
        this.em = em;
        this.json = json;
    }

    /** Reads the chunk size as the application starts, so that one that cannot work stops it. */
    void validateAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        size();
    }

    @Override
    public int size() {
        return configuredSize == null ? CampaignPages.CHUNK : size(configuredSize);
    }

    /**
     * @param configured the setting's text
     * @return the targets per chunk, 1 to 50,000
     * @throws IllegalArgumentException naming the setting otherwise
     */
    static int size(String configured) {
        try {
            int size = Integer.parseInt(configured.strip());
            if (size >= 1 && size <= 50_000) {
                return size;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(
                "LOYALTY_CAMPAIGNS_CHUNK_SIZE (loyalty.campaigns.chunk-size) must be a whole number from 1 to 50000, got: "
                        + configured);
    }

    @Override
    public Optional<Chunk> next(Work work) {
        Object[] bounds = (Object[]) em.createNativeQuery("SELECT MAX(b.customer_id), COUNT(*) FROM (SELECT"
                        + " s.customer_id FROM segment_snapshot_member s WHERE s.snapshot_id = ? AND s.customer_id > ?"
                        + " ORDER BY s.customer_id LIMIT ?) b")
                .setParameter(1, work.snapshot().toString())
                .setParameter(2, work.after())
                .setParameter(3, work.limit())
                .getSingleResult();
        if (bounds[0] == null) {
            return Optional.empty();
        }
        String upTo = (String) bounds[0];
        long processed = NativeRows.number(bounds[1]);
        String run = work.runId().toString();
        String campaign = work.campaign().toString();
        long each = work.points().map(Points::value).orElse(0L);
        String heldOut = SqlHoldout.holdsOut(work.holdout(), work.campaign(), "s.customer_id");
        // every member of the range not recorded before: a plain INSERT, so one recorded meanwhile (a
        // second runner) fails the chunk, whose retry skips it
        em.createNativeQuery("INSERT INTO campaign_member (campaign_id, customer_id, occasion, run_id, member_group,"
                        + " outcome, contacted_at, points)"
                        + " SELECT ?, q.customer_id, ?, ?, IF(q.held, 'CONTROL', 'TREATMENT'),"
                        + " IF(q.held, 'HELD_OUT', 'OFFERED'), ?, IF(q.held, 0, ?)"
                        + " FROM (SELECT s.customer_id, " + heldOut + " AS held FROM segment_snapshot_member s"
                        + " WHERE s.snapshot_id = ? AND s.customer_id > ? AND s.customer_id <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM campaign_member x WHERE x.campaign_id = ?"
                        + " AND x.customer_id = s.customer_id AND x.occasion = ?)) q ORDER BY q.customer_id")
                .setParameter(1, campaign)
                .setParameter(2, run)
                .setParameter(3, run)
                .setParameter(4, UtcTimes.utc(work.at()))
                .setParameter(5, each)
                .setParameter(6, work.snapshot().toString())
                .setParameter(7, work.after())
                .setParameter(8, upTo)
                .setParameter(9, campaign)
                .setParameter(10, run)
                .executeUpdate();
        long granted = 0;
        if (each > 0) {
            granted = spend(work, run, upTo, each);
            if (granted > 0) {
                credit(work, run, upTo, each);
            }
        }
        Object[] tally = (Object[]) range(
                        "SELECT COALESCE(SUM(m.member_group = 'CONTROL'), 0), COALESCE(SUM(m.outcome = 'OFFERED'), 0),"
                                + " COALESCE(SUM(m.outcome = 'OVER_BUDGET'), 0) FROM campaign_member m WHERE" + RANGE,
                        run,
                        work.after(),
                        upTo,
                        work.at())
                .getSingleResult();
        if (counts != null && granted > 0) {
            counts.add("loyalty_points", "type", "EARN", granted * each);
            counts.add("loyalty_domain_events", "type", PointsEarned.TYPE, granted);
        }
        return Optional.of(new Chunk(
                upTo,
                new CampaignRuns.PageTally(
                        processed,
                        NativeRows.number(tally[1]),
                        NativeRows.number(tally[0]),
                        0,
                        NativeRows.number(tally[2]))));
    }

    @Override
    @SuppressWarnings("unchecked")
    public java.util.List<Recorded> treatment(Work work, String upTo) {
        java.util.List<Object[]> rows = range(
                        "SELECT m.customer_id, m.outcome, m.points FROM campaign_member m WHERE" + RANGE
                                + " AND m.member_group = 'TREATMENT' ORDER BY m.customer_id",
                        work.runId().toString(),
                        work.after(),
                        upTo,
                        work.at())
                .getResultList();
        return rows.stream()
                .map(r -> new Recorded(CustomerId.parse((String) r[0]), (String) r[1], NativeRows.number(r[2])))
                .toList();
    }

    /**
     * The points budget spent for the chunk's treatment under the campaign's lock: as many as fit,
     * in customer order; the others OVER_BUDGET with no points.
     *
     * @return the members granted
     */
    private long spend(Work work, String run, String upTo, long each) {
        Object[] row = (Object[])
                em.createNativeQuery("SELECT max_points, points_granted FROM campaign WHERE id = ? FOR UPDATE")
                        .setParameter(1, work.campaign().toString())
                        .getSingleResult();
        Long max = row[0] == null ? null : NativeRows.number(row[0]);
        long spent = NativeRows.number(row[1]);
        long treated = NativeRows.number(range(
                        "SELECT COUNT(*) FROM campaign_member m WHERE" + RANGE + " AND m.member_group = 'TREATMENT'",
                        run,
                        work.after(),
                        upTo,
                        work.at())
                .getSingleResult());
        long granted = max == null ? treated : Math.max(0, Math.min(treated, (max - spent) / each));
        if (granted < treated) {
            range(
                            "UPDATE campaign_member m SET m.outcome = 'OVER_BUDGET', m.points = 0 WHERE" + RANGE
                                    + " AND m.member_group = 'TREATMENT' ORDER BY m.customer_id DESC LIMIT "
                                    + (treated - granted),
                            run,
                            work.after(),
                            upTo,
                            work.at())
                    .executeUpdate();
        }
        if (granted > 0
                && em.createNativeQuery("UPDATE campaign SET points_granted = points_granted + ?"
                                        + " WHERE id = ? AND points_granted = ?")
                                .setParameter(1, granted * each)
                                .setParameter(2, work.campaign().toString())
                                .setParameter(3, spent)
                                .executeUpdate()
                        != 1) {
            throw new IllegalStateException(
                    "campaign " + work.campaign() + ": its points budget changed under its lock");
        }
        return granted;
    }

    /** The granted members' wallets, ledger entries and events, one statement each. */
    private void credit(Work work, String run, String upTo, long each) {
        String offered = " FROM campaign_member m WHERE" + RANGE + " AND m.outcome = 'OFFERED' AND m.points > 0";
        Object expires = UtcTimes.utc(work.expiresAt().orElse(null));
        // a wallet for whoever has none yet (every customer has one since V7; kept for safety)
        range(
                        "INSERT INTO wallet (customer_id, balance, version) SELECT m.customer_id, 0, 1" + offered
                                + " ON DUPLICATE KEY UPDATE customer_id = wallet.customer_id",
                        run,
                        work.after(),
                        upTo,
                        work.at())
                .executeUpdate();
        Query wallets = em.createNativeQuery("UPDATE wallet w JOIN campaign_member m ON w.customer_id = m.customer_id"
                        + " SET w.balance = w.balance + ?, w.version = w.version + 1,"
                        + " w.next_expiry_at = CASE WHEN ? IS NULL THEN w.next_expiry_at"
                        + " WHEN w.next_expiry_at IS NULL OR ? < w.next_expiry_at THEN ? ELSE w.next_expiry_at END"
                        + " WHERE" + RANGE + " AND m.outcome = 'OFFERED' AND m.points > 0")
                .setParameter(1, each)
                .setParameter(2, expires)
                .setParameter(3, expires)
                .setParameter(4, expires)
                .setParameter(5, run)
                .setParameter(6, work.after())
                .setParameter(7, upTo)
                .setParameter(8, UtcTimes.utc(work.at()));
        wallets.executeUpdate();
        em.createNativeQuery("INSERT INTO wallet_entry (customer_id, sequence, type, points, debt, reason, reference,"
                        + " occurred_at, expires_at)"
                        + " SELECT m.customer_id, COALESCE((SELECT MAX(e.sequence) FROM wallet_entry e"
                        + " WHERE e.customer_id = m.customer_id), 0) + 1, 'EARN', ?, 0, ?, ?, ?, ?"
                        + offered + " ORDER BY m.customer_id")
                .setParameter(1, each)
                .setParameter(2, work.reason())
                .setParameter(3, work.reference())
                .setParameter(4, UtcTimes.utc(work.at()))
                .setParameter(5, expires)
                .setParameter(6, run)
                .setParameter(7, work.after())
                .setParameter(8, upTo)
                .setParameter(9, UtcTimes.utc(work.at()))
                .executeUpdate();
        String template = json.apply(new PointsEarned(
                CustomerId.parse(SENTINEL_CUSTOMER),
                SENTINEL_SEQUENCE,
                Points.of(each),
                work.reason(),
                work.reference(),
                work.expiresAt().orElse(null),
                Points.of(SENTINEL_BALANCE),
                work.at()));
        em.createNativeQuery("INSERT INTO domain_event (event_id, type, aggregate_id, occurred_at, payload)"
                        + " SELECT UUID(), ?, m.customer_id, ?, REPLACE(REPLACE(REPLACE(?, ?, m.customer_id),"
                        + " ?, e.sequence), ?, w.balance)"
                        + " FROM campaign_member m JOIN wallet w ON w.customer_id = m.customer_id"
                        + " JOIN wallet_entry e ON e.customer_id = m.customer_id AND e.reference = ?"
                        + " AND e.occurred_at = ? AND e.type = 'EARN'"
                        + " WHERE" + RANGE + " AND m.outcome = 'OFFERED' AND m.points > 0 ORDER BY m.customer_id")
                .setParameter(1, PointsEarned.TYPE)
                .setParameter(2, UtcTimes.utc(work.at()))
                .setParameter(3, template)
                .setParameter(4, SENTINEL_CUSTOMER)
                .setParameter(5, Long.toString(SENTINEL_SEQUENCE))
                .setParameter(6, Long.toString(SENTINEL_BALANCE))
                .setParameter(7, work.reference())
                .setParameter(8, UtcTimes.utc(work.at()))
                .setParameter(9, run)
                .setParameter(10, work.after())
                .setParameter(11, upTo)
                .setParameter(12, UtcTimes.utc(work.at()))
                .executeUpdate();
    }

    private Query range(String sql, String run, String after, String upTo, Instant at) {
        return em.createNativeQuery(sql)
                .setParameter(1, run)
                .setParameter(2, after)
                .setParameter(3, upTo)
                .setParameter(4, UtcTimes.utc(at));
    }
}
