package dev.loyalty.adapters.persistence.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.campaign.CampaignMembers;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The run's set-based page on MariaDB: the budget spent a page at a time by runners racing on real
 * threads never passes its limits, and a page's members recorded in one INSERT are all or none - a
 * key recorded meanwhile fails the page, whose retry then sees it recorded.
 */
class SqlCampaignPagesIT {

    private static final AtomicLong CARDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void racingPagesNeverPassTheDiscountLimitAndASmallerCouponStillFitsAfterARefusal() throws Exception {
        String campaign = campaign(37L, null, 5_000L);
        List<Long> page = List.of(150L, 150L, 150L, 150L, 100L);
        long granted = race(campaign, page);
        // pages take the lock in turn: seven whole pages (4,900 cents, 35 coupons), then of the
        // eighth only the 100 fits, whichever runner's pages they were
        assertThat(granted).isEqualTo(36);
        assertThat(NativeRows.number(figures(campaign)[0])).isEqualTo(36);
        assertThat(NativeRows.number(figures(campaign)[1])).isEqualTo(5_000L);
    }

    @Test
    void racingPagesNeverPassTheCouponLimit() throws Exception {
        String campaign = campaign(23L, null, null);
        long granted = race(campaign, Collections.nCopies(4, 0L));
        assertThat(granted).isEqualTo(23);
        assertThat(NativeRows.number(figures(campaign)[0])).isEqualTo(23);
    }

    /** Six runners spend five pages each at once: @return the coupons granted to all of them. */
    private static long race(String campaign, List<Long> values) throws Exception {
        int runners = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(runners);
        long granted = 0;
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int r = 0; r < runners; r++) {
                results.add(threads.submit(() -> {
                    start.await();
                    long mine = 0;
                    for (int p = 0; p < 5; p++) {
                        mine += TestDatabase.inTransaction(
                                        em -> new SqlCampaigns(em).spendCoupons(CampaignId.parse(campaign), values))
                                .stream()
                                .filter(b -> b)
                                .count();
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<Long> result : results) {
                granted += result.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return granted;
    }

    @Test
    void racingPagesNeverPassThePointsLimit() throws Exception {
        String campaign = campaign(null, 1_000L, null);
        int runners = 5;
        ExecutorService threads = Executors.newFixedThreadPool(runners);
        CountDownLatch start = new CountDownLatch(1);
        long granted = 0;
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int r = 0; r < runners; r++) {
                results.add(threads.submit(() -> {
                    start.await();
                    long points = 0;
                    for (int p = 0; p < 10; p++) {
                        List<Boolean> page = TestDatabase.inTransaction(em -> new SqlCampaigns(em)
                                .spendPointsEach(CampaignId.parse(campaign), Collections.nCopies(7, 10L)));
                        points += page.stream().filter(b -> b).count() * 10;
                    }
                    return points;
                }));
            }
            start.countDown();
            for (Future<Long> result : results) {
                granted += result.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(granted).isEqualTo(1_000L);
        assertThat(NativeRows.number(figures(campaign)[2])).isEqualTo(1_000L);
    }

    @Test
    void aPageIsRecordedWholeOrNotAtAllAndItsRetrySkipsWhoWasRecordedMeanwhile() {
        String campaign = campaign(null, null, null);
        CampaignId id = CampaignId.parse(campaign);
        List<CustomerId> customers = List.of(customer(), customer(), customer());
        UUID run = UUID.randomUUID();
        // another runner recorded the second customer meanwhile
        TestDatabase.inTransaction(em -> {
            new SqlCampaignMembers(em).recordAll(List.of(member(id, customers.get(1), run, "HELD_OUT")));
            return null;
        });
        List<CampaignMembers.Member> page =
                customers.stream().map(c -> member(id, c, run, "OFFERED")).toList();
        assertThatThrownBy(() -> TestDatabase.inTransaction(em -> {
                    new SqlCampaignMembers(em).recordAll(page);
                    return null;
                }))
                .isInstanceOf(RuntimeException.class);
        assertThat(outcomes(campaign)).containsExactly("HELD_OUT");

        Set<String> recorded = TestDatabase.inTransaction(em -> new SqlCampaignMembers(em).recorded(id, customers));
        assertThat(recorded).containsExactly(customers.get(1) + " " + run);
        List<CampaignMembers.Member> retry = page.stream()
                .filter(m -> !recorded.contains(m.customer() + " " + m.occasion()))
                .toList();
        TestDatabase.inTransaction(em -> {
            new SqlCampaignMembers(em).recordAll(retry);
            return null;
        });
        assertThat(outcomes(campaign)).containsExactlyInAnyOrder("HELD_OUT", "OFFERED", "OFFERED");
    }

    private static CampaignMembers.Member member(CampaignId campaign, CustomerId customer, UUID run, String outcome) {
        return new CampaignMembers.Member(
                campaign,
                customer,
                run.toString(),
                run,
                !outcome.equals("HELD_OUT"),
                outcome,
                Optional.empty(),
                Optional.empty(),
                AT,
                Optional.empty(),
                Optional.empty(),
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @SuppressWarnings("unchecked")
    private static List<String> outcomes(String campaign) {
        return TestDatabase.inTransaction(em -> (List<String>)
                em.createNativeQuery("SELECT outcome FROM campaign_member WHERE campaign_id = ? ORDER BY outcome DESC")
                        .setParameter(1, campaign)
                        .getResultList());
    }

    private static Object[] figures(String campaign) {
        return TestDatabase.inTransaction(em -> (Object[]) em.createNativeQuery(
                        "SELECT coupons_issued, discount_committed_cents, points_granted FROM campaign WHERE id = ?")
                .setParameter(1, campaign)
                .getSingleResult());
    }

    private static String campaign(Long maxCoupons, Long maxPoints, Long maxDiscount) {
        String id = UUID.randomUUID().toString();
        TestDatabase.inTransaction(em -> em.createNativeQuery(
                        "INSERT INTO campaign (id, name, type, status, definition, holdout_percent, holdout_key,"
                                + " attribution_days, max_coupons, max_points, max_discount_cents, version, created_at,"
                                + " updated_at) VALUES (?, ?, 'CALENDAR', 'SCHEDULED', '{}', 10, ?, 14, ?, ?, ?, 1,"
                                + " '2026-01-01', '2026-01-01')")
                .setParameter(1, id)
                .setParameter(2, "Pages " + id.substring(0, 8))
                .setParameter(3, "k".repeat(64))
                .setParameter(4, maxCoupons)
                .setParameter(5, maxPoints)
                .setParameter(6, maxDiscount)
                .executeUpdate());
        return id;
    }

    private static CustomerId customer() {
        String id = UUID.randomUUID().toString();
        TestDatabase.inTransaction(em -> em.createNativeQuery(
                        "INSERT INTO customer (id, card_number, first_name, preferred_channel, enrolment_channel,"
                                + " enrolled_at, version) VALUES (?, ?, 'Member', 'NONE', 'STORE', '2026-01-01', 1)")
                .setParameter(1, id)
                .setParameter(2, "7" + String.format("%012d", CARDS.incrementAndGet() % 1_000_000_000_000L))
                .executeUpdate());
        return CustomerId.parse(id);
    }
}
