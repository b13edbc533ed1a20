package dev.loyalty.adapters.persistence.campaign;

import static dev.loyalty.adapters.persistence.TestDatabase.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.application.campaign.CampaignPages;
import dev.loyalty.application.campaign.CampaignRun;
import dev.loyalty.application.campaign.CampaignRunLane;
import dev.loyalty.application.campaign.CampaignRunner;
import dev.loyalty.application.campaign.CampaignRuns;
import dev.loyalty.application.campaign.CampaignTargets;
import dev.loyalty.application.campaign.RunLanes;
import dev.loyalty.application.campaign.RunLeaseLostException;
import dev.loyalty.application.campaign.RunStatus;
import dev.loyalty.application.campaign.RunTarget;
import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignDefinitionParser;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.campaign.Holdout;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.customer.CustomerId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A set-based run in lanes against MariaDB, its transactions each committed on its own as the
 * container commits them, its lanes woken on real threads: a lane whose runner died half-way (its
 * lease expired) is taken over from its committed cursor and every target ends a member once, with
 * one coupon and one message in the treatment; and lanes racing on a coupon budget, started by two
 * "instances" at once, never issue one coupon past {@code maxCoupons}.
 */
class CampaignRunLanesIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void lanesWhoseRunnerDiedAreTakenOverFromTheirCursorsAndEveryTargetIsRecordedOnce() throws Exception {
        CouponTemplate template = RunFixtures.threeEurosOff("Lanes");
        List<String> customers = customers(60);
        Holdout holdout = new Holdout(Holdout.newKey(RANDOM), 10);
        CampaignId id = CampaignId.parse(UUID.randomUUID().toString());
        long treatment = treatment(id, holdout, customers);
        Campaign campaign = campaign(id, template, holdout, "");
        UUID runId = run(campaign.id(), RunFixtures.snapshot(customers), customers.size(), 2);
        Pages pages = new Pages(7, 2);
        CampaignRun run = pages.run(runId).orElseThrow();

        // an instance takes both lanes, commits a chunk of the first, and dies: their leases run out
        CampaignRunLane dead = pages.claimLane(run, 0, "dead").orElseThrow();
        assertThat(pages.claimLane(run, 1, "dead")).isPresent();
        assertThat(pages.claimLane(run, 1, "alive"))
                .as("a lane leased is not taken")
                .isEmpty();
        String deadCursor = pages.chunk(campaign, run, Optional.of(dead), dead.cursor(), "dead")
                .orElseThrow();
        assertThat(count(
                        "SELECT COUNT(*) FROM campaign_member WHERE campaign_id = ?",
                        campaign.id().toString()))
                .isEqualTo(7);
        assertThat(pages.run(runId).orElseThrow().processed()).isEqualTo(7);
        assertThat(abandoned()).as("both lanes leased: nothing to take over").doesNotContain(runId);
        sql(
                "UPDATE campaign_run_lane SET lease_until = ? WHERE run_id = ?",
                Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(2)),
                runId.toString());
        assertThat(abandoned())
                .as("the timer finds the lanes whose lease expired")
                .contains(runId);

        runToTheEnd(runner(pages), runId, 1);

        CampaignRun done = pages.run(runId).orElseThrow();
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.processed()).isEqualTo(customers.size());
        assertThat(done.offered()).isEqualTo(treatment);
        assertThat(done.heldOut()).isEqualTo(customers.size() - treatment);
        assertEveryTargetOnce(campaign, customers);
        assertThat(count(
                        "SELECT COUNT(*) FROM coupon WHERE template_id = ?",
                        template.id().toString()))
                .isEqualTo(treatment);
        assertThat(count(
                        "SELECT COUNT(*) FROM (SELECT customer_id FROM coupon WHERE template_id = ? GROUP BY customer_id"
                                + " HAVING COUNT(*) <> 1) twice",
                        template.id().toString()))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM message WHERE cause LIKE ?", "campaign:" + campaign.id() + ":%"))
                .isEqualTo(treatment);
        assertThat(count(
                        "SELECT coupons_issued FROM campaign WHERE id = ?",
                        campaign.id().toString()))
                .as("the counters of a campaign without a budget, added by each chunk")
                .isEqualTo(treatment);
        assertThat(count("SELECT COUNT(*) FROM campaign_run_lane WHERE run_id = ? AND NOT done", runId.toString()))
                .isZero();
        // the dead runner, back, cannot commit another chunk of its lane
        assertThatThrownBy(() -> pages.chunk(campaign, run, Optional.of(dead), deadCursor, "dead"))
                .isInstanceOf(RunLeaseLostException.class);
        assertEveryTargetOnce(campaign, customers);
    }

    @Test
    void lanesRacingOnACouponBudgetNeverIssueOnePastIt() throws Exception {
        CouponTemplate template = RunFixtures.threeEurosOff("Lanes");
        List<String> customers = customers(120);
        Holdout holdout = new Holdout(Holdout.newKey(RANDOM), 10);
        CampaignId id = CampaignId.parse(UUID.randomUUID().toString());
        long treatment = treatment(id, holdout, customers);
        long max = treatment / 2;
        Campaign campaign = campaign(id, template, holdout, ", \"budget\": {\"maxCoupons\": " + max + "}");
        UUID runId = run(campaign.id(), RunFixtures.snapshot(customers), customers.size(), 2);
        Pages pages = new Pages(5, 2);

        // two instances wake the run at once: each thread takes a lane, every lane on a thread of its own
        runToTheEnd(runner(pages), runId, 2);

        assertThat(pages.overlapping.get()).as("the lanes' chunks raced").isEqualTo(2);
        CampaignRun done = pages.run(runId).orElseThrow();
        assertThat(done.status()).as(done.error().orElse("")).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.processed()).isEqualTo(customers.size());
        assertThat(done.offered()).isEqualTo(max);
        assertThat(done.overBudget()).isEqualTo(treatment - max);
        assertEveryTargetOnce(campaign, customers);
        assertThat(count(
                        "SELECT COUNT(*) FROM coupon WHERE template_id = ?",
                        template.id().toString()))
                .as("never one coupon past maxCoupons")
                .isEqualTo(max);
        assertThat(count(
                        "SELECT coupons_issued FROM campaign WHERE id = ?",
                        campaign.id().toString()))
                .isEqualTo(max);
        assertThat(count(
                        "SELECT COUNT(*) FROM campaign_member WHERE campaign_id = ? AND outcome = 'OVER_BUDGET'",
                        campaign.id().toString()))
                .isEqualTo(treatment - max);
    }

    /** Wakes the run from {@code instances} threads at once, each wake-up on a thread of its own; waits for all. */
    private static void runToTheEnd(Runner runner, UUID runId, int instances) throws InterruptedException {
        List<Thread> first = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            first.add(runner.start(runId));
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        int joined = 0;
        while (joined < runner.threads.size()) {
            Thread thread = runner.threads.get(joined);
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            assertThat(thread.isAlive())
                    .as("a lane's thread ends within two minutes")
                    .isFalse();
            joined++;
        }
        assertThat(runner.failures).isEmpty();
        assertThat(first).isNotEmpty();
    }

    private static void assertEveryTargetOnce(Campaign campaign, List<String> customers) {
        assertThat(count(
                        "SELECT COUNT(*) FROM campaign_member WHERE campaign_id = ?",
                        campaign.id().toString()))
                .isEqualTo(customers.size());
        assertThat(count(
                        "SELECT COUNT(DISTINCT customer_id) FROM campaign_member WHERE campaign_id = ?",
                        campaign.id().toString()))
                .isEqualTo(customers.size());
    }

    /** The runner, its wake-ups each on a new thread (as the container's asynchronous calls). */
    private static final class Runner {
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CampaignRunner runner;

        Thread start(UUID runId) {
            Thread thread = new Thread(() -> runner.run(runId), "lane-" + threads.size());
            thread.setUncaughtExceptionHandler((t, e) -> failures.add(e));
            threads.add(thread);
            thread.start();
            return thread;
        }
    }

    private static Runner runner(Pages pages) {
        Runner runner = new Runner();
        runner.runner =
                new CampaignRunner(pages, runs(), List.<CampaignTargets>of(), runner::start, TestDatabase.CLOCK);
        return runner;
    }

    /** The runs, each call in a transaction of its own. */
    private static CampaignRuns runs() {
        return (CampaignRuns) Proxy.newProxyInstance(
                CampaignRuns.class.getClassLoader(), new Class<?>[] {CampaignRuns.class}, (proxy, method, args) -> {
                    try {
                        return TestDatabase.inTransaction(em -> {
                            try {
                                return method.invoke(new SqlCampaignRuns(em), args);
                            } catch (IllegalAccessException | InvocationTargetException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                    } catch (IllegalStateException e) {
                        throw e.getCause() instanceof InvocationTargetException i ? i.getCause() : e;
                    }
                });
    }

    /** The run's transactions, each committed on its own (as the container's {@code @Transactional}). */
    private static final class Pages extends CampaignPages {
        private final int size;
        private final int lanes;
        private final AtomicInteger inFlight = new AtomicInteger();
        /** The most lane chunks in flight at once. */
        final AtomicInteger overlapping = new AtomicInteger();

        Pages(int size, int lanes) {
            this.size = size;
            this.lanes = lanes;
        }

        private CampaignPages on(jakarta.persistence.EntityManager em) {
            return CampaignRunPathsIT.pages(em, size, lanes);
        }

        @Override
        public Optional<CampaignRun> claim(UUID runId, String owner) {
            return TestDatabase.inTransaction(em -> on(em).claim(runId, owner));
        }

        @Override
        public CampaignRun prepare(Campaign campaign, CampaignRun run, CampaignTargets source, String owner) {
            return TestDatabase.inTransaction(em -> on(em).prepare(campaign, run, source, owner));
        }

        @Override
        public Optional<Campaign> campaign(CampaignRun run) {
            return TestDatabase.inTransaction(em -> on(em).campaign(run));
        }

        @Override
        public void page(Campaign campaign, CampaignRun run, List<RunTarget> targets, String owner) {
            TestDatabase.inTransaction(em -> {
                on(em).page(campaign, run, targets, owner);
                return null;
            });
        }

        @Override
        public Optional<String> chunk(Campaign campaign, CampaignRun run, String after, String owner) {
            return TestDatabase.inTransaction(em -> on(em).chunk(campaign, run, after, owner));
        }

        @Override
        public Optional<String> chunk(
                Campaign campaign, CampaignRun run, Optional<CampaignRunLane> lane, String after, String owner) {
            overlapping.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return TestDatabase.inTransaction(em -> on(em).chunk(campaign, run, lane, after, owner));
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public void finish(CampaignRun run, String owner, RunStatus status, Optional<String> error) {
            TestDatabase.inTransaction(em -> {
                on(em).finish(run, owner, status, error);
                return null;
            });
        }

        @Override
        public List<CampaignRunLane> lanes(UUID runId) {
            return TestDatabase.inTransaction(em -> on(em).lanes(runId));
        }

        @Override
        public Optional<CampaignRun> run(UUID runId) {
            return TestDatabase.inTransaction(em -> on(em).run(runId));
        }

        @Override
        public Optional<CampaignRunLane> claimLane(CampaignRun run, int lane, String owner) {
            return TestDatabase.inTransaction(em -> on(em).claimLane(run, lane, owner));
        }

        @Override
        public void finishLane(CampaignRun run, CampaignRunLane lane, String owner) {
            TestDatabase.inTransaction(em -> {
                on(em).finishLane(run, lane, owner);
                return null;
            });
        }

        @Override
        public void fail(CampaignRun run, String error) {
            TestDatabase.inTransaction(em -> {
                on(em).fail(run, error);
                return null;
            });
        }
    }

    /** Customers reachable by e-mail with consent, in key order. */
    private static List<String> customers(int count) {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            customers.add(CampaignRunPathsIT.customer(0));
        }
        customers.sort(null);
        return customers;
    }

    private static Campaign campaign(CampaignId id, CouponTemplate template, Holdout holdout, String budget) {
        Campaign campaign = Campaign.draft(
                id,
                CampaignDefinitionParser.parse(
                        """
                        {"name": "Lanes %s", "type": "CALENDAR", "holdoutPercent": %d,
                         "audience": {"condition": {"attribute": "city", "eq": "Nowhere"}},
                         "offer": {"templateId": "%s"}%s,
                         "message": {"template": "Hello {firstName}: {couponCode}"}}"""
                                .formatted(id.toString().substring(0, 8), holdout.percent(), template.id(), budget)),
                holdout.key(),
                TestDatabase.CLOCK.instant());
        TestDatabase.inTransaction(em -> {
            new SqlCampaigns(em).add(campaign);
            return null;
        });
        // launched (as the console launches it): its runs' lanes go on; the first lane taken marks it RUNNING
        sql("UPDATE campaign SET status = 'SCHEDULED' WHERE id = ?", id.toString());
        return campaign;
    }

    private static long treatment(CampaignId campaign, Holdout holdout, List<String> customers) {
        return customers.stream()
                .filter(c -> !holdout.holdsOut(campaign, CustomerId.parse(c)))
                .count();
    }

    /** A run prepared over the snapshot in {@code lanes} lanes, no lease taken. */
    private static UUID run(CampaignId campaign, String snapshot, int total, int lanes) {
        UUID run = UUID.randomUUID();
        sql(
                "INSERT INTO campaign_run (id, campaign_id, scheduled_for, status, snapshot_id, total, cursor_customer,"
                        + " started_at) VALUES (?, ?, ?, 'RUNNING', ?, ?, '', ?)",
                run.toString(),
                campaign.toString(),
                Timestamp.valueOf(LocalDateTime.of(2026, 3, 2, 10, 0).plusSeconds(RANDOM.nextInt(1_000_000))),
                snapshot,
                total,
                Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
        TestDatabase.inTransaction(em -> {
            new SqlCampaignRuns(em)
                    .createLanes(run, RunLanes.between(chunks(em).boundaries(UUID.fromString(snapshot), total, lanes)));
            return null;
        });
        return run;
    }

    private static List<String> boundaries(UUID snapshot, long total, int lanes) {
        return TestDatabase.inTransaction(em -> chunks(em).boundaries(snapshot, total, lanes));
    }

    private static SqlCampaignChunks chunks(jakarta.persistence.EntityManager em) {
        return new SqlCampaignChunks(em, event -> {
            throw new AssertionError("no points here");
        });
    }

    @Test
    void theLanesCutTheAudienceInEqualSharesWhateverItsIds() {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // as MariaDB's time-based UUID() makes them (the benchmark, imports): one narrow prefix
            customers.add(String.format("0fa%05x-d1b2-11ef-9a3c-0242ac120002", i * 7));
        }
        String snapshot = RunFixtures.snapshot(customers);
        UUID id = UUID.fromString(snapshot);
        assertThat(boundaries(id, 60, 2)).containsExactly(customers.get(29));
        assertThat(boundaries(id, 60, 4)).containsExactly(customers.get(14), customers.get(29), customers.get(44));
        assertThat(boundaries(id, 60, 7))
                .containsExactly(
                        customers.get(7),
                        customers.get(16),
                        customers.get(24),
                        customers.get(33),
                        customers.get(41),
                        customers.get(50));
        String three = RunFixtures.snapshot(customers.subList(0, 3));
        assertThat(boundaries(UUID.fromString(three), 3, 8))
                .as("fewer customers than lanes: fewer lanes")
                .containsExactly(customers.get(0), customers.get(1));
        List<RunLanes.Range> lanes = RunLanes.between(List.of(customers.get(14), customers.get(29), customers.get(44)));
        for (String customer : customers) {
            assertThat(lanes.stream().filter(l -> l.holds(customer)).count()).isEqualTo(1);
        }
        assertThat(customers.stream().filter(lanes.get(3)::holds).count()).isEqualTo(15);
    }

    private static List<UUID> abandoned() {
        return TestDatabase.inTransaction(em -> new SqlCampaignRuns(em).abandoned(TestDatabase.CLOCK.instant(), 1000));
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
}
