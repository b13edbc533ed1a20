package dev.loyalty.adapters.persistence.campaign;

import static dev.loyalty.adapters.persistence.TestDatabase.sql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.campaign.CampaignChunks;
import dev.loyalty.application.campaign.CampaignMembers;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.campaign.Holdout;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.PointsEarned;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The set-based run on MariaDB: the holdout's keyed hash computed in SQL puts exactly the customers
 * in control that the Java hash does (3,000 customers, three shares, a random key each), and a run
 * done in chunks records every target once with the group the Java hash gives, spends the points
 * budget in customer order, and writes the treatment's wallets, ledger entries and events as the
 * per-member path writes them.
 */
class SqlCampaignChunksIT {

    private static final AtomicLong CARDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00.123456Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theHashInSqlGivesEveryCustomerTheBucketTheJavaHashGives() {
        for (int percent : List.of(1, 10, 50)) {
            Holdout holdout = new Holdout(Holdout.newKey(RANDOM), percent);
            CampaignId campaign = CampaignId.parse(UUID.randomUUID().toString());
            List<CustomerId> customers = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                customers.add(CustomerId.parse(UUID.randomUUID().toString()));
            }
            Map<String, long[]> inSql = new HashMap<>();
            for (int from = 0; from < customers.size(); from += 250) {
                StringBuilder ids = new StringBuilder();
                for (CustomerId customer : customers.subList(from, from + 250)) {
                    ids.append(ids.isEmpty() ? "SELECT '" : " UNION ALL SELECT '")
                            .append(customer)
                            .append("' AS c");
                }
                String sql = "SELECT t.c, " + SqlHoldout.bucket(holdout, campaign, "t.c") + ", "
                        + SqlHoldout.holdsOut(holdout, campaign, "t.c") + " FROM (" + ids + ") t";
                @SuppressWarnings("unchecked")
                List<Object[]> rows = TestDatabase.inTransaction(
                        em -> (List<Object[]>) em.createNativeQuery(sql).getResultList());
                rows.forEach(
                        r -> inSql.put((String) r[0], new long[] {NativeRows.number(r[1]), NativeRows.number(r[2])}));
            }
            long held = 0;
            for (CustomerId customer : customers) {
                long[] sql = inSql.get(customer.toString());
                assertThat(sql[0]).as("bucket of %s", customer).isEqualTo(holdout.bucket(campaign, customer));
                assertThat(sql[1] != 0)
                        .as("held out: %s at %d %%", customer, percent)
                        .isEqualTo(holdout.holdsOut(campaign, customer));
                held += sql[1];
            }
            // and the share is about the one asked (1,000 draws: within 5 standard deviations)
            double expected = percent * 10.0;
            assertThat((double) held).isBetween(expected - 5 * Math.sqrt(expected), expected + 5 * Math.sqrt(expected));
        }
        assertThat(SqlHoldout.holdsOut(
                        new Holdout("0".repeat(64), 0),
                        CampaignId.parse(UUID.randomUUID().toString()),
                        "x"))
                .isEqualTo("FALSE");
    }

    @Test
    void aRunInChunksRecordsEachTargetOnceAndCreditsTheTreatmentAsTheLedgerWould() {
        Holdout holdout = new Holdout(Holdout.newKey(RANDOM), 30);
        String campaign = UUID.randomUUID().toString();
        CampaignId campaignId = CampaignId.parse(campaign);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            customers.add(customer());
        }
        customers.sort(null);
        long treatment = customers.stream()
                .filter(c -> !holdout.holdsOut(campaignId, CustomerId.parse(c)))
                .count();
        // a budget for all but three treatment members, of whom one was recorded before
        long budget = (treatment - 4) * 10;
        sql(
                "INSERT INTO campaign (id, name, type, status, definition, holdout_percent, holdout_key, attribution_days,"
                        + " max_points, version, created_at, updated_at) VALUES (?, ?, 'CALENDAR', 'RUNNING', '{}', 30, ?,"
                        + " 14, ?, 1, '2026-01-01', '2026-01-01')",
                campaign,
                "Chunks " + campaign.substring(0, 8),
                holdout.key(),
                budget);
        String snapshot = UUID.randomUUID().toString();
        sql(
                "INSERT INTO segment_snapshot (id, segment_id, taken_at, members, definition) VALUES (?, NULL,"
                        + " '2026-03-02', 40, '{}')",
                snapshot);
        for (String customer : customers) {
            sql("INSERT INTO segment_snapshot_member (snapshot_id, customer_id) VALUES (?, ?)", snapshot, customer);
        }
        UUID run = UUID.randomUUID();
        // the first treatment customer already has 5 points (its entry 1); the second was recorded before
        List<String> treated = customers.stream()
                .filter(c -> !holdout.holdsOut(campaignId, CustomerId.parse(c)))
                .toList();
        String earlier = treated.get(0);
        sql("INSERT INTO wallet (customer_id, balance, version) VALUES (?, 5, 3)", earlier);
        sql(
                "INSERT INTO wallet_entry (customer_id, sequence, type, points, debt, reason, reference, occurred_at)"
                        + " VALUES (?, 1, 'EARN', 5, 0, 'purchase', 'p-1', '2026-01-02')",
                earlier);
        String recordedBefore = treated.get(1);
        sql(
                "INSERT INTO campaign_member (campaign_id, customer_id, occasion, run_id, member_group, outcome,"
                        + " contacted_at) VALUES (?, ?, ?, ?, 'TREATMENT', 'OFFERED', '2026-03-02')",
                campaign,
                recordedBefore,
                run.toString(),
                run.toString());

        String cursor = "";
        long processed = 0;
        long offered = 0;
        long heldOut = 0;
        long overBudget = 0;
        int chunks = 0;
        while (true) {
            String after = cursor;
            CampaignChunks.Work work = new CampaignChunks.Work(
                    campaignId,
                    holdout,
                    run,
                    UUID.fromString(snapshot),
                    after,
                    7,
                    AT,
                    Optional.of(Points.of(10)),
                    Optional.empty(),
                    "campaign",
                    "campaign:" + campaign);
            // a chunk as CampaignPages does it: the targets read, the budget spent under the campaign's
            // lock in customer order, every member recorded once, then the points credited set-based
            Object[] tally = TestDatabase.inTransaction(em -> {
                SqlCampaignChunks sqlChunks = new SqlCampaignChunks(em, SqlCampaignChunksIT::json);
                List<CampaignChunks.Target> targets = sqlChunks.targets(work);
                if (targets.isEmpty()) {
                    return null;
                }
                List<CampaignChunks.Target> fresh =
                        targets.stream().filter(t -> !t.recorded()).toList();
                List<CampaignChunks.Target> treatedHere =
                        fresh.stream().filter(t -> !t.heldOut()).toList();
                List<Boolean> grants = new SqlCampaigns(em)
                        .spendPointsEach(
                                campaignId, treatedHere.stream().map(t -> 10L).toList());
                List<CampaignMembers.Member> members = new ArrayList<>();
                long granted = 0;
                for (CampaignChunks.Target target : fresh) {
                    int index = treatedHere.indexOf(target);
                    boolean grantedHere = index >= 0 && grants.get(index);
                    granted += grantedHere ? 1 : 0;
                    members.add(new CampaignMembers.Member(
                            campaignId,
                            target.customer(),
                            run.toString(),
                            run,
                            !target.heldOut(),
                            target.heldOut() ? "HELD_OUT" : grantedHere ? "OFFERED" : "OVER_BUDGET",
                            Optional.empty(),
                            Optional.empty(),
                            AT,
                            Optional.empty(),
                            Optional.empty(),
                            grantedHere ? 10 : 0,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()));
                }
                new SqlCampaignMembers(em).recordAll(members);
                String upTo = targets.get(targets.size() - 1).customer().toString();
                sqlChunks.credit(work, upTo, granted);
                return new Object[] {
                    upTo,
                    (long) targets.size(),
                    granted,
                    (long) (fresh.size() - treatedHere.size()),
                    treatedHere.size() - granted
                };
            });
            if (tally == null) {
                break;
            }
            chunks++;
            cursor = (String) tally[0];
            processed += (long) tally[1];
            offered += (long) tally[2];
            heldOut += (long) tally[3];
            overBudget += (long) tally[4];
        }

        assertThat(chunks).isEqualTo(6);
        assertThat(processed).isEqualTo(40);
        assertThat(heldOut).isEqualTo(40 - treatment);
        assertThat(offered).isEqualTo(treatment - 4);
        assertThat(overBudget)
                .as("the last three treatment members in customer order")
                .isEqualTo(3);
        Map<String, Object[]> members = new HashMap<>();
        rows(
                        "SELECT customer_id, member_group, outcome, points, contacted_at FROM campaign_member"
                                + " WHERE campaign_id = ?",
                        campaign)
                .forEach(r -> members.put((String) r[0], r));
        assertThat(members).hasSize(40);
        for (String customer : customers) {
            boolean held = holdout.holdsOut(campaignId, CustomerId.parse(customer));
            assertThat(members.get(customer)[1]).isEqualTo(held ? "CONTROL" : "TREATMENT");
        }
        assertThat(treated.subList(treated.size() - 3, treated.size()))
                .allMatch(c -> members.get(c)[2].equals("OVER_BUDGET") && NativeRows.number(members.get(c)[3]) == 0);
        assertThat(NativeRows.number(single("SELECT points_granted FROM campaign WHERE id = ?", campaign)))
                .isEqualTo(budget);
        // the ledger: one entry each for the offered, after their last one; balances and events
        assertThat(NativeRows.number(
                        single("SELECT COUNT(*) FROM wallet_entry WHERE reference = ?", "campaign:" + campaign)))
                .isEqualTo(treatment - 4);
        assertThat(rows("SELECT sequence, points FROM wallet_entry WHERE customer_id = ? ORDER BY sequence", earlier))
                .extracting(r -> NativeRows.number(r[0]) + ":" + NativeRows.number(r[1]))
                .containsExactly("1:5", "2:10");
        Object[] wallet = rows("SELECT balance, version FROM wallet WHERE customer_id = ?", earlier)
                .get(0);
        assertThat(NativeRows.number(wallet[0])).isEqualTo(15);
        assertThat(NativeRows.number(wallet[1])).isEqualTo(4);
        String payload = (String) single(
                "SELECT payload FROM domain_event WHERE aggregate_id = ? AND type = ?", earlier, PointsEarned.TYPE);
        assertThat(payload)
                .isEqualTo(json(new PointsEarned(
                        CustomerId.parse(earlier),
                        2,
                        Points.of(10),
                        "campaign",
                        "campaign:" + campaign,
                        null,
                        Points.of(15),
                        AT)));
        assertThat(NativeRows.number(single("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = ?", recordedBefore)))
                .as("recorded before: skipped, nothing credited")
                .isZero();
        assertThat(NativeRows.number(single(
                        "SELECT COUNT(*) FROM domain_event WHERE type = ? AND payload LIKE ?",
                        PointsEarned.TYPE,
                        "%campaign:" + campaign + "%")))
                .isEqualTo(treatment - 4);
    }

    /**
     * An event's JSON as a serializer writes it: every component (JSON-B, the container's, is not
     * on the tests' class path); the chunk completes the one it makes for sentinels per member.
     */
    private static String json(PointsEarned e) {
        return String.format(
                "{\"balanceAfter\":{\"value\":%d},\"customerId\":\"%s\",\"expiresAt\":%s,\"occurredAt\":\"%s\","
                        + "\"points\":{\"value\":%d},\"reason\":\"%s\",\"reference\":\"%s\",\"sequence\":%d}",
                e.balanceAfter().value(),
                e.customerId(),
                e.expiresAt() == null ? "null" : "\"" + e.expiresAt() + "\"",
                e.occurredAt(),
                e.points().value(),
                e.reason(),
                e.reference(),
                e.sequence());
    }

    private static String customer() {
        String id = UUID.randomUUID().toString();
        sql(
                "INSERT INTO customer (id, card_number, first_name, preferred_channel, enrolment_channel, enrolled_at,"
                        + " version) VALUES (?, ?, 'Member', 'NONE', 'STORE', '2026-01-01', 1)",
                id,
                "7" + String.format("%012d", CARDS.incrementAndGet() % 1_000_000_000_000L));
        return id;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql, Object... parameters) {
        return TestDatabase.inTransaction(em -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return (List<Object[]>) query.getResultList();
        });
    }

    private static Object single(String sql, Object... parameters) {
        return TestDatabase.inTransaction(em -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getSingleResult();
        });
    }
}
