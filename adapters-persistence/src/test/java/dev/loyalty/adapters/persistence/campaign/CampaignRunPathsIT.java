package dev.loyalty.adapters.persistence.campaign;

import static dev.loyalty.adapters.persistence.TestDatabase.sql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.campaign.evaluation.SqlCampaignOutcomes;
import dev.loyalty.adapters.persistence.coupon.JpaCouponTemplates;
import dev.loyalty.adapters.persistence.coupon.JpaCoupons;
import dev.loyalty.adapters.persistence.customer.JpaContactVerifications;
import dev.loyalty.adapters.persistence.customer.JpaCustomers;
import dev.loyalty.adapters.persistence.device.SqlDevices;
import dev.loyalty.adapters.persistence.messaging.JpaMessageTemplates;
import dev.loyalty.adapters.persistence.messaging.JpaMessages;
import dev.loyalty.adapters.persistence.metrics.SqlCustomerMetrics;
import dev.loyalty.adapters.persistence.settings.ConfiguredProgramme;
import dev.loyalty.application.account.PointsAwards;
import dev.loyalty.application.campaign.CampaignCompletion;
import dev.loyalty.application.campaign.CampaignPages;
import dev.loyalty.application.campaign.CampaignRun;
import dev.loyalty.application.campaign.RunStatus;
import dev.loyalty.application.campaign.RunTarget;
import dev.loyalty.application.campaign.evaluation.GroupActivity;
import dev.loyalty.application.messaging.MessagingSettings;
import dev.loyalty.application.messaging.OutboxService;
import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignDefinitionParser;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.campaign.Holdout;
import dev.loyalty.domain.campaign.evaluation.MemberGroup;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.ChannelChoice;
import dev.loyalty.domain.messaging.MarketingPressurePolicy;
import dev.loyalty.domain.messaging.QuietHours;
import dev.loyalty.domain.messaging.RetrySchedule;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The set-based chunk and the page judge a run's members the same: one campaign (so one holdout),
 * two runs over the same frozen audience, the first a page at a time ({@link CampaignPages#page}),
 * the second in chunks ({@link CampaignPages#chunk}), both in slices of seven, with the coupon budget
 * reset in between. Every customer ends in the same group with the same outcome, reason, channel,
 * coupon (one each, or none), offer figures and points; each contacted member has one message of the
 * run in the outbox; the runs' tallies agree. The audience mixes what the outbox judges: e-mail with
 * consent, e-mail without, SMS with consent, no contact at all. A suppressed member's message is
 * stored SUPPRESSED by its page or chunk (its reason, the relay's two history lines), so no relay claims
 * it, and the evaluation counts the suppressed by their members' reasons.
 */
class CampaignRunPathsIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SLICE = 7;

    @Test
    void aChunkedRunJudgesEveryMemberAsThePagedRunDoes() {
        CouponTemplate template = RunFixtures.threeEurosOff("Paths");
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 44; i++) {
            customers.add(customer(i % 4));
        }
        customers.sort(null);
        CampaignId campaignId = CampaignId.parse(UUID.randomUUID().toString());
        Holdout holdout = new Holdout(Holdout.newKey(RANDOM), 25);
        long treatment = customers.stream()
                .filter(c -> !holdout.holdsOut(campaignId, CustomerId.parse(c)))
                .count();
        Campaign campaign = Campaign.draft(
                campaignId,
                CampaignDefinitionParser.parse(
                        """
                        {"name": "Paths %s", "type": "CALENDAR", "holdoutPercent": 25,
                         "audience": {"condition": {"attribute": "city", "eq": "Nowhere"}},
                         "offer": {"templateId": "%s"}, "budget": {"maxCoupons": %d},
                         "message": {"template": "Hello {firstName}: {couponCode} until {couponValidUntil}"}}"""
                                .formatted(campaignId.toString().substring(0, 8), template.id(), treatment - 3)),
                holdout.key(),
                TestDatabase.CLOCK.instant());
        TestDatabase.inTransaction(em -> {
            new SqlCampaigns(em).add(campaign);
            return null;
        });
        String snapshot = RunFixtures.snapshot(customers);

        UUID paged = run(campaignId, snapshot, "paged");
        for (int from = 0; from < customers.size(); from += SLICE) {
            List<RunTarget> targets = customers.subList(from, Math.min(customers.size(), from + SLICE)).stream()
                    .map(c ->
                            new RunTarget(CustomerId.parse(c), paged.toString(), Optional.empty(), Optional.empty(), c))
                    .toList();
            TestDatabase.inTransaction(em -> {
                pages(em).page(campaign, stored(em, paged), targets, "paged");
                return null;
            });
        }
        sql("UPDATE campaign SET coupons_issued = 0, discount_committed_cents = 0 WHERE id = ?", campaignId.toString());
        UUID chunked = run(campaignId, snapshot, "chunked");
        String cursor = "";
        int chunks = 0;
        while (true) {
            String after = cursor;
            Optional<String> next =
                    TestDatabase.inTransaction(em -> pages(em).chunk(campaign, stored(em, chunked), after, "chunked"));
            if (next.isEmpty()) {
                break;
            }
            cursor = next.get();
            chunks++;
        }

        assertThat(chunks).isEqualTo((customers.size() + SLICE - 1) / SLICE);
        Map<String, List<Object>> byPage = outcomes(campaignId, paged);
        Map<String, List<Object>> byChunk = outcomes(campaignId, chunked);
        assertThat(byPage).hasSize(customers.size());
        assertThat(byChunk).isEqualTo(byPage);
        // what the audience was built to show: each judgement happened
        assertThat(byPage.values().stream().map(o -> o.get(1)).distinct())
                .containsExactlyInAnyOrder("HELD_OUT", "OFFERED", "SUPPRESSED", "OVER_BUDGET");
        assertThat(byPage.values().stream().map(o -> o.get(3)).distinct()).contains("EMAIL", "SMS");
        for (UUID run : List.of(paged, chunked)) {
            assertThat(count(
                            "SELECT COUNT(*) FROM coupon c JOIN campaign_member m ON m.coupon_code = c.code"
                                    + " AND m.customer_id = c.customer_id WHERE m.run_id = ? AND c.template_id = ?"
                                    + " AND c.campaign_id = m.campaign_id",
                            run.toString(),
                            template.id().toString()))
                    .as("each coupon is its member's, tagged with the campaign")
                    .isEqualTo(treatment - 3);
            assertThat(count(
                            "SELECT COUNT(*) FROM message g JOIN campaign_member m ON m.message_id = g.id"
                                    + " AND g.customer_id = m.customer_id WHERE m.run_id = ? AND g.cause = CONCAT('campaign:',"
                                    + " m.campaign_id, ':', m.occasion, ':', m.customer_id)",
                            run.toString()))
                    .as("one message for each member given the coupon, contacted or suppressed")
                    .isEqualTo(treatment - 3);
        }
        assertThat(tally(chunked)).isEqualTo(tally(paged));
        assertThat(count("SELECT coupons_issued FROM campaign WHERE id = ?", campaignId.toString()))
                .isEqualTo(treatment - 3);

        // a message the outbox found no channel for is SUPPRESSED as soon as its page or chunk
        // committed, with its member's reason and the history the relay would have written; no relay
        // claims it, while the contacted members' messages wait for the relay
        Set<String> claimed = claimable();
        for (UUID run : List.of(paged, chunked)) {
            List<String> suppressed = ids(
                    "SELECT m.message_id FROM campaign_member m WHERE m.run_id = ? AND m.outcome = 'SUPPRESSED'"
                            + " AND m.message_id IS NOT NULL",
                    run);
            List<String> offered =
                    ids("SELECT m.message_id FROM campaign_member m WHERE m.run_id = ? AND m.outcome = 'OFFERED'", run);
            assertThat(suppressed).isNotEmpty();
            assertThat(offered).isNotEmpty();
            assertThat(count(
                            "SELECT COUNT(*) FROM campaign_member m JOIN message g ON g.id = m.message_id"
                                    + " WHERE m.run_id = ? AND m.outcome = 'SUPPRESSED' AND g.status = 'SUPPRESSED'"
                                    + " AND LEFT(g.reason, 64) = m.suppressed_reason AND g.leases = 0"
                                    + " AND g.attempts = 0 AND g.counted_at IS NULL",
                            run.toString()))
                    .isEqualTo(suppressed.size());
            assertThat(count(
                            "SELECT COUNT(*) FROM campaign_member m JOIN message g ON g.id = m.message_id"
                                    + " JOIN message_status q ON q.message_id = g.id AND q.status = 'QUEUED'"
                                    + " AND q.detail = 'MARKETING message queued'"
                                    + " JOIN message_status s ON s.message_id = g.id AND s.status = 'SUPPRESSED'"
                                    + " AND s.detail = g.reason AND s.id > q.id"
                                    + " WHERE m.run_id = ? AND m.outcome = 'SUPPRESSED'"
                                    + " AND (SELECT COUNT(*) FROM message_status a WHERE a.message_id = g.id) = 2",
                            run.toString()))
                    .as("each suppressed message's history: queued, then suppressed with the reason")
                    .isEqualTo(suppressed.size());
            assertThat(count(
                            "SELECT COUNT(*) FROM campaign_member m JOIN message g ON g.id = m.message_id"
                                    + " WHERE m.run_id = ? AND m.outcome = 'OFFERED' AND g.status = 'QUEUED'",
                            run.toString()))
                    .isEqualTo(offered.size());
            assertThat(claimed).as("no relay claims a settled message").doesNotContainAnyElementsOf(suppressed);
            assertThat(claimed).as("the relay claims the messages to send").containsAll(offered);
        }
        // the evaluation tells the suppressed by their members' reasons, as before
        Map<String, Long> byReason = new TreeMap<>();
        for (UUID run : List.of(paged, chunked)) {
            for (String reason : ids(
                    "SELECT suppressed_reason FROM campaign_member WHERE run_id = ? AND outcome = 'SUPPRESSED'", run)) {
                byReason.merge(reason, 1L, Long::sum);
            }
        }
        Map<MemberGroup, GroupActivity> groups = TestDatabase.inTransaction(em -> {
            SqlCampaignOutcomes outcomes = new SqlCampaignOutcomes(em);
            return outcomes.groups(outcomes.campaign(campaignId.value()).orElseThrow());
        });
        assertThat(new TreeMap<>(groups.get(MemberGroup.TREATMENT).suppressedByReason()))
                .isEqualTo(byReason);
    }

    /** The ids of the messages a relay would claim now (the claim rolled back). */
    @SuppressWarnings("unchecked")
    private static Set<String> claimable() {
        EntityManager em = TestDatabase.entityManagers().createEntityManager();
        try {
            em.getTransaction().begin();
            java.time.Instant now = TestDatabase.CLOCK.instant().plusSeconds(1);
            Set<String> ids = new java.util.HashSet<>();
            new JpaMessages(em, TestDatabase.CLOCK)
                    .claimDue(now, now.plusSeconds(60), 1_000_000)
                    .forEach(claim -> ids.add(claim.id().toString()));
            return ids;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(String sql, UUID run) {
        return TestDatabase.inTransaction(em -> (List<String>)
                em.createNativeQuery(sql).setParameter(1, run.toString()).getResultList());
    }

    /** Each member's outcome by customer: group, outcome, reason, channel, has a coupon, points, figures. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Object>> outcomes(CampaignId campaign, UUID run) {
        List<Object[]> rows = TestDatabase.inTransaction(em -> (List<Object[]>) em.createNativeQuery(
                        "SELECT customer_id, member_group, outcome, suppressed_reason, channel, coupon_code IS NOT NULL,"
                                + " message_id IS NOT NULL, points, offer_value_cents, offer_min_spend_cents,"
                                + " scope_category FROM campaign_member WHERE campaign_id = ? AND run_id = ?")
                .setParameter(1, campaign.toString())
                .setParameter(2, run.toString())
                .getResultList());
        Map<String, List<Object>> outcomes = new TreeMap<>();
        for (Object[] row : rows) {
            List<Object> values = new ArrayList<>();
            for (int i = 1; i < row.length; i++) {
                values.add(row[i] instanceof Number n ? (Object) n.longValue() : row[i]);
            }
            outcomes.put((String) row[0], values);
        }
        return outcomes;
    }

    private static List<Long> tally(UUID run) {
        Object[] row = (Object[]) TestDatabase.inTransaction(em -> em.createNativeQuery(
                        "SELECT processed, offered, held_out, suppressed, over_budget FROM campaign_run WHERE id = ?")
                .setParameter(1, run.toString())
                .getSingleResult());
        List<Long> tally = new ArrayList<>();
        for (Object value : row) {
            tally.add(((Number) value).longValue());
        }
        return tally;
    }

    private static long count(String sql, Object... parameters) {
        return TestDatabase.inTransaction(em -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** A run of the campaign over the snapshot, prepared, its lease held by {@code owner}. */
    private static UUID run(CampaignId campaign, String snapshot, String owner) {
        UUID run = UUID.randomUUID();
        sql(
                "INSERT INTO campaign_run (id, campaign_id, scheduled_for, status, snapshot_id, total, lease_owner,"
                        + " lease_until, started_at) VALUES (?, ?, ?, 'RUNNING', ?, 44, ?, ?, ?)",
                run.toString(),
                campaign.toString(),
                java.sql.Timestamp.valueOf(
                        java.time.LocalDateTime.of(2026, 3, 2, 10, 0).plusSeconds(RANDOM.nextInt(1_000_000))),
                snapshot,
                owner,
                java.sql.Timestamp.valueOf(
                        java.time.LocalDateTime.now(ZoneOffset.UTC).plusHours(1)),
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(ZoneOffset.UTC)));
        return run;
    }

    private static CampaignRun stored(EntityManager em, UUID run) {
        return new SqlCampaignRuns(em)
                .byId(run)
                .filter(r -> r.status() == RunStatus.RUNNING)
                .orElseThrow();
    }

    /** The run's transactions wired to the real adapters on this entity manager (as the container wires them). */
    private static CampaignPages pages(EntityManager em) {
        return pages(em, SLICE, 1);
    }

    /** As {@link #pages(EntityManager)}, with chunks of {@code size} and runs prepared in {@code lanes}. */
    static CampaignPages pages(EntityManager em, int size, int lanes) {
        SqlCampaigns campaigns = new SqlCampaigns(em);
        SqlCampaignRuns runs = new SqlCampaignRuns(em);
        JpaCustomers customers = new JpaCustomers(em);
        OutboxService outbox = new OutboxService(
                new JpaMessages(em, TestDatabase.CLOCK),
                customers,
                new SqlDevices(em),
                new JpaMessageTemplates(em, TestDatabase.CLOCK),
                MESSAGING,
                TestDatabase.CLOCK,
                new JpaContactVerifications(em));
        SqlCampaignChunks chunks = new SqlCampaignChunks(em, event -> {
            throw new AssertionError("a coupon campaign credits no points");
        });
        chunks.configuredSize = Integer.toString(size);
        chunks.configuredLanes = Integer.toString(lanes);
        return new CampaignPages(
                campaigns,
                runs,
                new SqlCampaignMembers(em),
                new JpaCouponTemplates(em, TestDatabase.CLOCK, TestDatabase.CURRENCY),
                new JpaCoupons(em, TestDatabase.CLOCK),
                new PointsAwards(null, new ConfiguredProgramme(365), null),
                outbox,
                new SqlCustomerMetrics(em),
                new CampaignCompletion(campaigns, runs),
                chunks,
                TestDatabase.CLOCK);
    }

    /** E-mail, SMS and push in that order, the programme in English; the rest is the relay's. */
    private static final MessagingSettings MESSAGING = new MessagingSettings() {
        @Override
        public RetrySchedule retrySchedule() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Duration lease() {
            return Duration.ofSeconds(60);
        }

        @Override
        public ChannelChoice channelChoice() {
            return new ChannelChoice(List.of(Channel.EMAIL, Channel.SMS, Channel.PUSH));
        }

        @Override
        public MarketingPressurePolicy pressure() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<QuietHours> quietHours() {
            return Optional.empty();
        }

        @Override
        public ZoneId zoneOf(Optional<String> storeId) {
            return ZoneOffset.UTC;
        }

        @Override
        public String appLink() {
            return "https://example.com/app";
        }

        @Override
        public String subject() {
            return "News";
        }

        @Override
        public Optional<String> publicBaseUrl() {
            return Optional.empty();
        }

        @Override
        public String language() {
            return "en";
        }

        @Override
        public String consentTextVersion() {
            return "v1";
        }
    };

    /**
     * A customer the outbox judges by {@code kind}: 0 e-mail with marketing consent, 1 e-mail without
     * it, 2 a phone with SMS consent (preferring SMS), 3 no contact at all.
     */
    static String customer(int kind) {
        String id = UUID.randomUUID().toString();
        String card = CardNumber.fromSerial(ThreadLocalRandom.current().nextLong(1, CardNumber.MAX_SERIAL))
                .value();
        String email = kind <= 1 ? id + "@example.com" : null;
        String phone = kind == 2
                ? "+3933" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000L))
                : null;
        String preferred = kind <= 1 ? "EMAIL" : kind == 2 ? "SMS" : "NONE";
        sql(
                "INSERT INTO customer (id, card_number, first_name, email, phone, preferred_channel, enrolment_channel,"
                        + " enrolled_at, version) VALUES (?, ?, 'Ada', ?, ?, ?, 'WEB', '2026-01-01', 1)",
                id,
                card,
                email,
                phone,
                preferred);
        if (kind == 0 || kind == 2) {
            sql(
                    "INSERT INTO customer_consent (customer_id, position, purpose, granted, recorded_at, source,"
                            + " text_version) VALUES (?, 1, ?, TRUE, '2026-01-01', 'STORE', 'v1')",
                    id,
                    kind == 0 ? "MARKETING_EMAIL" : "MARKETING_SMS");
        }
        return id;
    }
}
