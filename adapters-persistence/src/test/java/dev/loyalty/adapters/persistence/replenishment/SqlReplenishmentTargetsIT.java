package dev.loyalty.adapters.persistence.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.campaign.ReplenishmentTarget;
import dev.loyalty.domain.campaign.Replenishment;
import dev.loyalty.domain.campaign.Replenishment.Proposal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Who is due on a day, against MariaDB: the catalogue's consumption period less the lead time,
 * the catch-up window, a purchase since, the cross-sell mapping, products by category, and keyset
 * pages that hold whole customers. Each test has SKUs and categories of its own.
 */
class SqlReplenishmentTargetsIT {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final AtomicLong CARDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String cream = "CREAM-" + run;
    private final String face = "face-" + run;
    private final String body = "body-" + run;

    /** A 45-day cream in face creams, which cross-sell body creams. */
    private void catalogue() {
        category(face, body);
        category(body, "");
        product(cream, face, 45);
    }

    @Test
    void aCreamBoughtThirtyDaysAgoIsDueWithFifteenDaysLeadAndOnlyThen() {
        catalogue();
        String due = customer();
        String notYet = customer();
        String tooLate = customer();
        bought(due, cream, TODAY.minusDays(30));
        bought(notYet, cream, TODAY.minusDays(29));
        bought(tooLate, cream, TODAY.minusDays(30 + SqlReplenishmentTargets.CATCH_UP_DAYS + 1));

        List<ReplenishmentTarget> targets = due(new Replenishment(List.of(cream), List.of(), 15, Proposal.SAME));

        assertThat(targets).hasSize(1);
        ReplenishmentTarget target = targets.get(0);
        assertThat(target.customer().toString()).isEqualTo(due);
        assertThat(target.sku()).isEqualTo(cream);
        assertThat(target.category()).isEqualTo(face);
        assertThat(target.proposedCategory()).isEqualTo(face);
        assertThat(target.lastPurchaseAt()).isEqualTo(at(TODAY.minusDays(30)));
        assertThat(target.occasion()).isEqualTo(cream + "@" + TODAY.minusDays(30));
    }

    @Test
    void boughtAgainYesterdayIsNotDue() {
        catalogue();
        String customer = customer();
        bought(customer, cream, TODAY.minusDays(30));
        bought(customer, cream, TODAY.minusDays(1));

        assertThat(due(new Replenishment(List.of(cream), List.of(), 15, Proposal.SAME)))
                .isEmpty();
    }

    @Test
    void aMissedRunIsCaughtUpWithinTheWindowInTheSameCycle() {
        catalogue();
        String customer = customer();
        bought(customer, cream, TODAY.minusDays(30 + SqlReplenishmentTargets.CATCH_UP_DAYS));

        List<ReplenishmentTarget> targets = due(new Replenishment(List.of(cream), List.of(), 15, Proposal.SAME));
        List<ReplenishmentTarget> dayBefore =
                targets(new Replenishment(List.of(cream), List.of(), 15, Proposal.SAME), TODAY.minusDays(1), "", 100);

        assertThat(targets).extracting(t -> t.customer().toString()).containsExactly(customer);
        assertThat(dayBefore)
                .as("the same cycle seen by two runs has one occasion")
                .extracting(ReplenishmentTarget::occasion)
                .containsExactlyElementsOf(
                        targets.stream().map(ReplenishmentTarget::occasion).toList());
    }

    @Test
    void theDayIsTheProgrammeZonesDay() {
        catalogue();
        String lateEvening = customer();
        // 23:30 in Rome thirty days ago is 22:30 UTC: still that day in Rome
        bought(
                lateEvening,
                cream,
                TODAY.minusDays(30).atTime(23, 30).atZone(ROME).toInstant());
        String afterMidnight = customer();
        // 00:30 in Rome 29 days ago is 23:30 UTC thirty days ago: already the next day in Rome
        bought(
                afterMidnight,
                cream,
                TODAY.minusDays(29).atTime(0, 30).atZone(ROME).toInstant());

        assertThat(due(new Replenishment(List.of(cream), List.of(), 15, Proposal.SAME)))
                .extracting(t -> t.customer().toString())
                .containsExactly(lateEvening);
    }

    @Test
    void crossSellProposesTheMappedCategoryUnlessBoughtSince() {
        catalogue();
        String proposed = customer();
        String boughtBodyCreamSince = customer();
        String boughtBodyCreamBefore = customer();
        for (String customer : List.of(proposed, boughtBodyCreamSince, boughtBodyCreamBefore)) {
            bought(customer, cream, TODAY.minusDays(30));
        }
        boughtCategory(boughtBodyCreamSince, body, TODAY.minusDays(10));
        boughtCategory(boughtBodyCreamBefore, body, TODAY.minusDays(40));
        String unmapped = "SOAP-" + run;
        product(unmapped, body, 45);
        bought(proposed, unmapped, TODAY.minusDays(30));

        List<ReplenishmentTarget> targets =
                due(new Replenishment(List.of(cream, unmapped), List.of(), 15, Proposal.CROSS_SELL));

        assertThat(targets)
                .extracting(t -> t.customer().toString())
                .containsExactlyInAnyOrder(proposed, boughtBodyCreamBefore);
        assertThat(count(new Replenishment(List.of(cream, unmapped), List.of(), 15, Proposal.CROSS_SELL)))
                .isEqualTo(2);
        assertThat(targets).allSatisfy(target -> {
            assertThat(target.sku()).as("body creams cross-sell nothing").isEqualTo(cream);
            assertThat(target.category()).isEqualTo(face);
            assertThat(target.proposedCategory()).isEqualTo(body);
        });
    }

    @Test
    void productsByCategoryAreThoseWithAConsumptionPeriodEachOnItsOwnClock() {
        catalogue();
        String serum = "SERUM-" + run;
        String lipstick = "LIP-" + run;
        product(serum, face, 60);
        product(lipstick, face, null);
        String both = customer();
        String lipstickOnly = customer();
        bought(both, cream, TODAY.minusDays(30));
        bought(both, serum, TODAY.minusDays(45));
        bought(lipstickOnly, lipstick, TODAY.minusDays(30));

        List<ReplenishmentTarget> targets = due(new Replenishment(List.of(), List.of(face), 15, Proposal.SAME));

        assertThat(targets)
                .as("one target per product and cycle, ordered by SKU within the customer")
                .extracting(t -> t.customer() + " " + t.sku() + " " + t.occasion())
                .containsExactly(
                        both + " " + cream + " " + cream + "@" + TODAY.minusDays(30),
                        both + " " + serum + " " + serum + "@" + TODAY.minusDays(45));
    }

    @Test
    void aLeadAsLongAsTheConsumptionPeriodIsDueTheDayAfterThePurchase() {
        catalogue();
        String today = customer();
        String yesterday = customer();
        bought(today, cream, TODAY);
        bought(yesterday, cream, TODAY.minusDays(1));

        assertThat(due(new Replenishment(List.of(cream), List.of(), 60, Proposal.SAME)))
                .extracting(t -> t.customer().toString())
                .containsExactly(yesterday);
    }

    @Test
    void pagesByCustomerIdHoldWholeCustomersAndMissNone() {
        catalogue();
        String serum = "SERUM-" + run;
        product(serum, face, 45);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String customer = customer();
            customers.add(customer);
            bought(customer, cream, TODAY.minusDays(30));
            if (i % 2 == 0) {
                bought(customer, serum, TODAY.minusDays(33));
            }
        }
        Replenishment replenishment = new Replenishment(List.of(cream, serum), List.of(), 15, Proposal.SAME);

        List<ReplenishmentTarget> all = new ArrayList<>();
        List<Integer> customersPerPage = new ArrayList<>();
        String after = "";
        while (true) {
            List<ReplenishmentTarget> page = targets(replenishment, TODAY, after, 3);
            if (page.isEmpty()) {
                break;
            }
            customersPerPage.add((int)
                    page.stream().map(ReplenishmentTarget::customer).distinct().count());
            all.addAll(page);
            after = page.get(page.size() - 1).customer().toString();
        }

        assertThat(customersPerPage).containsExactly(3, 3, 1);
        assertThat(all).hasSize(11);
        assertThat(count(replenishment)).as("the run's total").isEqualTo(11);
        assertThat(all.stream().map(t -> t.customer().toString()).distinct())
                .containsExactlyElementsOf(customers.stream().sorted().toList());
        assertThat(all.stream().map(t -> t.customer() + "/" + t.sku()).distinct())
                .hasSize(11);
    }

    private List<ReplenishmentTarget> due(Replenishment replenishment) {
        return targets(replenishment, TODAY, "", 100);
    }

    private List<ReplenishmentTarget> targets(Replenishment replenishment, LocalDate day, String after, int limit) {
        return TestDatabase.inTransaction(
                em -> new SqlReplenishmentTargets(em, ROME).due(replenishment, day, after, limit));
    }

    private static long count(Replenishment replenishment) {
        return TestDatabase.inTransaction(em -> new SqlReplenishmentTargets(em, ROME).count(replenishment, TODAY));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(ROME).toInstant();
    }

    private static void category(String id, String crossSell) {
        TestDatabase.inTransaction(
                em -> em.createNativeQuery("INSERT INTO category (id, name, cross_sell, version) VALUES (?, ?, ?, 1)")
                        .setParameter(1, id)
                        .setParameter(2, id)
                        .setParameter(3, crossSell)
                        .executeUpdate());
    }

    private static void product(String sku, String category, Integer consumptionDays) {
        TestDatabase.inTransaction(em -> em.createNativeQuery(
                        "INSERT INTO product (sku, name, category, consumption_days, version) VALUES (?, ?, ?, ?, 1)")
                .setParameter(1, sku)
                .setParameter(2, sku)
                .setParameter(3, category)
                .setParameter(4, consumptionDays)
                .executeUpdate());
    }

    private static String customer() {
        String id = UUID.randomUUID().toString();
        String card = String.format("%013d", CARDS.incrementAndGet() % 10_000_000_000_000L);
        TestDatabase.inTransaction(em -> em.createNativeQuery("INSERT INTO customer (id, card_number, first_name,"
                        + " preferred_channel, enrolment_channel, enrolled_at, version)"
                        + " VALUES (?, ?, 'Elena', 'SMS', 'STORE', NOW(6), 1)")
                .setParameter(1, id)
                .setParameter(2, card)
                .executeUpdate());
        return id;
    }

    /** The last purchase of the SKU, at noon in Rome on the day (what the metrics keep). */
    private static void bought(String customer, String sku, LocalDate day) {
        bought(customer, sku, at(day));
    }

    private static void bought(String customer, String sku, Instant at) {
        TestDatabase.inTransaction(em -> em.createNativeQuery(
                        "INSERT INTO customer_sku_metrics (customer_id, sku, last_purchase_at) VALUES (?, ?, ?)"
                                + " ON DUPLICATE KEY UPDATE last_purchase_at = GREATEST(last_purchase_at, VALUES(last_purchase_at))")
                .setParameter(1, customer)
                .setParameter(2, sku)
                .setParameter(3, UtcTimes.utc(at))
                .executeUpdate());
    }

    private static void boughtCategory(String customer, String category, LocalDate day) {
        TestDatabase.inTransaction(em -> em.createNativeQuery("INSERT INTO customer_category_metrics"
                        + " (customer_id, category, spend, share_ppm, last_purchase_at) VALUES (?, ?, 1000, 0, ?)")
                .setParameter(1, customer)
                .setParameter(2, category)
                .setParameter(3, UtcTimes.utc(at(day)))
                .executeUpdate());
    }
}
