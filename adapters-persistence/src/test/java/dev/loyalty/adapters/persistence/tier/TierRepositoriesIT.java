package dev.loyalty.adapters.persistence.tier;

import static dev.loyalty.adapters.persistence.TestDatabase.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.adapters.persistence.customer.JpaCustomers;
import dev.loyalty.application.tier.StoredTierProgramme;
import dev.loyalty.application.tier.TierHistoryEntry;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import dev.loyalty.domain.tier.CustomerTier;
import dev.loyalty.domain.tier.QualifyingHistory;
import dev.loyalty.domain.tier.TierChangeCause;
import dev.loyalty.domain.tier.TierFixtures;
import dev.loyalty.domain.tier.TierMetric;
import dev.loyalty.domain.tier.TierMovement;
import dev.loyalty.domain.tier.TierProgramme;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tier programme, standings, history and qualifying activity against MariaDB. */
class TierRepositoriesIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private CustomerId aCustomer() {
        Customer customer = CustomerFixtures.aCustomer().build();
        inTransaction(em -> {
            new JpaCustomers(em).add(customer);
            return null;
        });
        return customer.id();
    }

    @Test
    void aReplacedProgrammeIsReadBackWholeWithItsVersion() {
        TierProgramme first = TierFixtures.programme();
        TierProgramme second = TierFixtures.programme(TierMetric.POINTS_EARNED, 6, 0, 3, false);

        StoredTierProgramme one = inTransaction(em -> new JpaTierProgrammes(em).replace(first, NOW, "anna"));
        StoredTierProgramme two =
                inTransaction(em -> new JpaTierProgrammes(em).replace(second, NOW.plusSeconds(1), "bob"));

        assertThat(two.version()).isEqualTo(one.version() + 1);
        Optional<StoredTierProgramme> current = inTransaction(em -> new JpaTierProgrammes(em).current());
        assertThat(current).contains(two);
    }

    @Test
    void aStandingIsStartedOnceAndSavedOnTheVersionItWasReadAt() {
        TierProgramme programme = TierFixtures.programme();
        CustomerId id = aCustomer();

        CustomerTier started = inTransaction(em -> new JpaCustomerTiers(em).lockedOrStarted(id, programme, NOW));
        CustomerTier again =
                inTransaction(em -> new JpaCustomerTiers(em).lockedOrStarted(id, programme, NOW.plusSeconds(5)));
        started.apply(programme, new TierMovement.Change(programme.tier(2), TierChangeCause.PURCHASE), NOW);
        inTransaction(em -> {
            new JpaCustomerTiers(em).save(started);
            return null;
        });

        assertThat(again.version()).isEqualTo(1);
        assertThat(again.since()).contains(NOW);
        CustomerTier gold =
                inTransaction(em -> new JpaCustomerTiers(em).byCustomer(id)).orElseThrow();
        assertThat(gold.tierName()).isEqualTo("Gold");
        assertThat(gold.version()).isEqualTo(2);
        assertThat(gold.reviewAt()).contains(programme.reviewAfter(NOW));
        assertThatThrownBy(() -> inTransaction(em -> {
                    new JpaCustomerTiers(em).save(again);
                    return null;
                }))
                .isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void theHistoryIsReadNewestFirst() {
        CustomerId id = aCustomer();
        for (String to : new String[] {"Silver", "Gold"}) {
            inTransaction(em -> {
                new JpaCustomerTiers(em)
                        .record(new TierHistoryEntry(
                                id, "Bronze", to, TierChangeCause.PURCHASE, 1L, "purchase:x", null, null, null, NOW));
                return null;
            });
        }

        List<TierHistoryEntry> all = inTransaction(em -> new JpaCustomerTiers(em).history(id, 10));
        List<TierHistoryEntry> latest = inTransaction(em -> new JpaCustomerTiers(em).history(id, 1));
        assertThat(all).extracting(TierHistoryEntry::to).containsExactly("Gold", "Silver");
        assertThat(latest).hasSize(1);
    }

    @Test
    void activityAddsUpPerMonthAndRefundsTakeAway() {
        CustomerId id = aCustomer();
        YearMonth march = YearMonth.of(2026, 3);
        inTransaction(em -> {
            JpaQualifyingActivity activity = new JpaQualifyingActivity(em);
            activity.add(id, march, 60_000, 600);
            activity.add(id, march, -10_000, -100);
            activity.add(id, march.minusMonths(1), 5_000, 50);
            activity.add(id, march.minusMonths(13), 9_999, 99);
            return null;
        });

        QualifyingHistory spend = inTransaction(
                em -> new JpaQualifyingActivity(em).history(id, TierMetric.NET_SPEND, march.minusMonths(11)));
        QualifyingHistory points = inTransaction(
                em -> new JpaQualifyingActivity(em).history(id, TierMetric.POINTS_EARNED, march.minusMonths(11)));

        assertThat(spend.byMonth()).isEqualTo(Map.of(march, 50_000L, march.minusMonths(1), 5_000L));
        assertThat(points.byMonth()).isEqualTo(Map.of(march, 500L, march.minusMonths(1), 50L));
    }
}
