package dev.loyalty.adapters.persistence.campaign;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.event.JpaDomainEventLog;
import dev.loyalty.adapters.persistence.operations.CommittedCounts;
import dev.loyalty.adapters.persistence.sql.NativeInsert;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.campaign.CampaignChunks;
import dev.loyalty.application.campaign.CampaignPages;
import dev.loyalty.application.campaign.RunLanes;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.PointsEarned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link CampaignChunks} in SQL: a chunk is the next {@code limit} customers of the frozen audience
 * after the cursor, read once by the snapshot's key ({@code (snapshot_id, customer_id)}: a range
 * read in key order, nothing sorted), each with the holdout's hash computed there once ({@link
 * SqlHoldout}) and whether the run recorded it before (a lookup by {@code campaign_member}'s key).
 * The caller records the members; {@link #credit} then finds the treatment members it recorded
 * with the points by that key again ({@code (campaign_id, customer_id, occasion)}, the chunk's range
 * of customers, the chunk's contact instant: one recorded by an earlier attempt has another). The
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
     * The treatment members this chunk recorded with points, by {@code campaign_member}'s key: the
     * campaign's, in the chunk's range, of the run, contacted at the chunk's instant (one recorded
     * before, by an earlier attempt, has another); parameters: campaign, after, up to, run, instant.
     */
    private static final String CREDITED = " m.campaign_id = ? AND m.customer_id > ? AND m.customer_id <= ?"
            + " AND m.occasion = ? AND m.contacted_at = ? AND m.member_group = 'TREATMENT' AND m.points > 0";

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

    /**
     * Lanes of a set-based run: {@code loyalty.campaign.run-lanes} ({@code LOYALTY_CAMPAIGN_RUN_LANES}),
     * 2 unless set; 1 runs a run by its own cursor, one chunk after the other.
     */
    @Inject
    @ConfigProperty(name = "loyalty.campaign.run-lanes", defaultValue = "2")
    String configuredLanes;

    /** Reads the chunk size and the lanes as the application starts, so that one that cannot work stops it. */
    void validateAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        size();
        lanes();
    }

    @Override
    public int lanes() {
        return configuredLanes == null ? 1 : lanes(configuredLanes);
    }

    /**
     * @param configured the setting's text
     * @return the lanes, 1 to {@link RunLanes#MAX}
     * @throws IllegalArgumentException naming the setting otherwise
     */
    static int lanes(String configured) {
        try {
            int lanes = Integer.parseInt(configured.strip());
            if (lanes >= 1 && lanes <= RunLanes.MAX) {
                return lanes;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(
                "LOYALTY_CAMPAIGN_RUN_LANES (loyalty.campaign.run-lanes) must be a whole number from 1 to "
                        + RunLanes.MAX + ", got: " + configured);
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
    public List<Target> targets(Work work) {
        String heldOut = SqlHoldout.holdsOut(work.holdout(), work.campaign(), "s.customer_id");
        // one read of the snapshot's key range, in its order (LIMIT stops it: no sort), the hash once a row
        String sql = "SELECT s.customer_id, " + heldOut + ", EXISTS (SELECT 1 FROM campaign_member x"
                + " WHERE x.campaign_id = ? AND x.customer_id = s.customer_id AND x.occasion = ?)"
                + " FROM segment_snapshot_member s WHERE s.snapshot_id = ? AND s.customer_id > ?"
                + (work.upTo().isPresent() ? " AND s.customer_id <= ?" : "")
                + " ORDER BY s.customer_id LIMIT ?";
        Object[] parameters = work.upTo().isPresent()
                ? new Object[] {
                    work.campaign().toString(),
                    work.runId().toString(),
                    work.snapshot().toString(),
                    work.after(),
                    work.upTo().get(),
                    work.limit()
                }
                : new Object[] {
                    work.campaign().toString(),
                    work.runId().toString(),
                    work.snapshot().toString(),
                    work.after(),
                    work.limit()
                };
        List<Target> targets = new ArrayList<>(Math.min(work.limit(), 50_000));
        Connection connection = NativeInsert.connection(em);
        if (connection != null) {
            try (PreparedStatement read = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    read.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        targets.add(new Target(
                                CustomerId.parse(rows.getString(1)), rows.getLong(2) != 0, rows.getLong(3) != 0));
                    }
                }
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
            return targets;
        }
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            targets.add(new Target(
                    CustomerId.parse((String) r[0]), NativeRows.number(r[1]) != 0, NativeRows.number(r[2]) != 0));
        }
        return targets;
    }

    /**
     * Each boundary read after the one before it, skipping a share of the snapshot's key: one pass
     * over its index in all (half a million entries for a million customers in two lanes).
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<String> boundaries(java.util.UUID snapshot, long total, int lanes) {
        List<String> highs = new ArrayList<>();
        String after = "";
        long before = 0;
        for (int i = 1; i < lanes; i++) {
            long upTo = total * i / lanes;
            if (upTo <= before) {
                continue;
            }
            List<Object> found = em.createNativeQuery("SELECT customer_id FROM segment_snapshot_member"
                            + " WHERE snapshot_id = ? AND customer_id > ? ORDER BY customer_id LIMIT 1 OFFSET "
                            + (upTo - before - 1))
                    .setParameter(1, snapshot.toString())
                    .setParameter(2, after)
                    .getResultList();
            if (found.isEmpty()) {
                break;
            }
            after = (String) found.get(0);
            highs.add(after);
            before = upTo;
        }
        return highs;
    }

    @Override
    public void credit(Work work, String upTo, long granted) {
        if (granted <= 0 || work.points().isEmpty()) {
            return;
        }
        long each = work.points().get().value();
        creditEach(work, upTo, each);
        if (counts != null) {
            counts.add("loyalty_points", "type", "EARN", granted * each);
            counts.add("loyalty_domain_events", "type", PointsEarned.TYPE, granted);
        }
    }

    /** The granted members' wallets, ledger entries and events, one statement each. */
    private void creditEach(Work work, String upTo, long each) {
        String offered = " FROM campaign_member m WHERE" + CREDITED;
        Object expires = UtcTimes.utc(work.expiresAt().orElse(null));
        // a wallet for whoever has none yet (every customer has one since V7; kept for safety): only
        // those without one are inserted, not every member tried against the wallet's key
        credited(
                        "INSERT IGNORE INTO wallet (customer_id, balance, version) SELECT m.customer_id, 0, 1" + offered
                                + " AND NOT EXISTS (SELECT 1 FROM wallet y WHERE y.customer_id = m.customer_id)",
                        work,
                        upTo)
                .executeUpdate();
        Query wallets = em.createNativeQuery("UPDATE wallet w JOIN campaign_member m ON w.customer_id = m.customer_id"
                        + " SET w.balance = w.balance + ?, w.version = w.version + 1,"
                        + " w.next_expiry_at = CASE WHEN ? IS NULL THEN w.next_expiry_at"
                        + " WHEN w.next_expiry_at IS NULL OR ? < w.next_expiry_at THEN ? ELSE w.next_expiry_at END"
                        + " WHERE" + CREDITED)
                .setParameter(1, each)
                .setParameter(2, expires)
                .setParameter(3, expires)
                .setParameter(4, expires);
        bind(wallets, 5, work, upTo);
        wallets.executeUpdate();
        Query entries = em.createNativeQuery(
                        "INSERT INTO wallet_entry (customer_id, sequence, type, points, debt, reason, reference,"
                                + " occurred_at, expires_at)"
                                + " SELECT m.customer_id, COALESCE((SELECT MAX(e.sequence) FROM wallet_entry e"
                                + " WHERE e.customer_id = m.customer_id), 0) + 1, 'EARN', ?, 0, ?, ?, ?, ?"
                                + offered + " ORDER BY m.customer_id")
                .setParameter(1, each)
                .setParameter(2, work.reason())
                .setParameter(3, work.reference())
                .setParameter(4, UtcTimes.utc(work.at()))
                .setParameter(5, expires);
        bind(entries, 6, work, upTo);
        entries.executeUpdate();
        String template = json.apply(new PointsEarned(
                CustomerId.parse(SENTINEL_CUSTOMER),
                SENTINEL_SEQUENCE,
                Points.of(each),
                work.reason(),
                work.reference(),
                work.expiresAt().orElse(null),
                Points.of(SENTINEL_BALANCE),
                work.at()));
        Query events = em.createNativeQuery(
                        "INSERT INTO domain_event (event_id, type, aggregate_id, occurred_at, payload)"
                                + " SELECT UUID(), ?, m.customer_id, ?, REPLACE(REPLACE(REPLACE(?, ?, m.customer_id),"
                                + " ?, e.sequence), ?, w.balance)"
                                + " FROM campaign_member m JOIN wallet w ON w.customer_id = m.customer_id"
                                + " JOIN wallet_entry e ON e.customer_id = m.customer_id AND e.reference = ?"
                                + " AND e.occurred_at = ? AND e.type = 'EARN'"
                                + " WHERE" + CREDITED + " ORDER BY m.customer_id")
                .setParameter(1, PointsEarned.TYPE)
                .setParameter(2, UtcTimes.utc(work.at()))
                .setParameter(3, template)
                .setParameter(4, SENTINEL_CUSTOMER)
                .setParameter(5, Long.toString(SENTINEL_SEQUENCE))
                .setParameter(6, Long.toString(SENTINEL_BALANCE))
                .setParameter(7, work.reference())
                .setParameter(8, UtcTimes.utc(work.at()));
        bind(events, 9, work, upTo);
        events.executeUpdate();
    }

    private Query credited(String sql, Work work, String upTo) {
        return bind(em.createNativeQuery(sql), 1, work, upTo);
    }

    /** Binds {@link #CREDITED}'s five parameters from {@code first} on. */
    private static Query bind(Query query, int first, Work work, String upTo) {
        return query.setParameter(first, work.campaign().toString())
                .setParameter(first + 1, work.after())
                .setParameter(first + 2, upTo)
                .setParameter(first + 3, work.runId().toString())
                .setParameter(first + 4, UtcTimes.utc(work.at()));
    }
}
