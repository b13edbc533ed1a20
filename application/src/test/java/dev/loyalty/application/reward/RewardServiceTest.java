package dev.loyalty.application.reward;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.account.InMemoryWallets;
import dev.loyalty.application.coupon.InMemoryCouponTemplates;
import dev.loyalty.application.coupon.InMemoryCoupons;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.tier.TierFakes;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.reward.Reward;
import dev.loyalty.domain.reward.RewardTierNotEligibleException;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.tier.QualifyingWindow;
import dev.loyalty.domain.tier.TierFixtures;
import dev.loyalty.domain.tier.TierMetric;
import dev.loyalty.domain.wallet.Wallet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RewardServiceTest {

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final InMemoryCouponTemplates templates = new InMemoryCouponTemplates();
    private final InMemoryWallets wallets = new InMemoryWallets();
    private final List<DomainEvent> events = new ArrayList<>();
    private final TierFakes tiers = new TierFakes();
    private final RewardService service = new RewardService(
            new InMemoryRewards(),
            templates,
            new InMemoryCoupons(),
            customers,
            wallets,
            tiers.movements(events::add),
            tiers.programmes,
            events::add,
            Clock.fixed(NOW, ZoneOffset.UTC),
            new SplittableRandom(5));
    private final Actor admin = Actor.admin("console");

    private CustomerId withPoints(long points) {
        var customer = aCustomer().build();
        customers.add(customer);
        Wallet wallet = wallets.lockedForUpdate(customer.id());
        wallet.earn(Points.of(points), "purchase", "purchase:x", NOW.minusSeconds(60), null);
        wallets.save(wallet);
        return customer.id();
    }

    private CouponTemplateId aTemplate() {
        CouponTemplate template = CouponTemplate.define(
                CouponTemplateId.newId(),
                "Five off",
                new Discount.AmountOff(Money.of(500, "EUR")),
                null,
                Set.of(SalesChannel.STORE),
                null,
                null,
                30,
                null,
                Set.of(),
                null);
        templates.add(template);
        return template.id();
    }

    @Test
    void spendingPointsOnARewardLeavesTheTierAndWhatQualifiesForItAlone() {
        tiers.programmes.replace(TierFixtures.programme(TierMetric.POINTS_EARNED, 12, 30, 12, true), NOW, "console");
        CustomerId marco = withPoints(60_000);
        tiers.activity.add(marco, QualifyingWindow.monthOf(NOW), 0, 60_000);
        tiers.tiers.lockedOrStarted(
                marco, tiers.programmes.current().orElseThrow().programme(), NOW);
        Reward reward = service.define("A big one", Points.of(59_000), aTemplate(), admin);
        String before =
                tiers.movements(events::add).inForce(marco, NOW).orElseThrow().name();

        service.claim(reward.id(), Actor.customer(marco));

        assertThat(wallets.balanceOf(marco)).isEqualTo(Points.of(1_000));
        assertThat(tiers.activity
                        .history(marco, TierMetric.POINTS_EARNED, QualifyingWindow.monthOf(NOW))
                        .in(TierFixtures.programme().windowAt(NOW)))
                .isEqualTo(60_000);
        assertThat(tiers.movements(events::add)
                        .inForce(marco, NOW)
                        .orElseThrow()
                        .name())
                .isEqualTo(before);
    }

    @Test
    void aRewardKeptForGoldIsClaimedOnlyByGoldCustomersAndNothingIsSpentOtherwise() {
        tiers.programmes.replace(TierFixtures.programme(), NOW, "console");
        CustomerId marco = withPoints(500);
        Reward reward = service.define("Gold lounge", Points.of(100), aTemplate(), Set.of("gold"), admin);

        assertThatThrownBy(() -> service.claim(reward.id(), Actor.customer(marco)))
                .isInstanceOfSatisfying(RewardTierNotEligibleException.class, e -> {
                    assertThat(e.code()).isEqualTo("reward-tier-not-eligible");
                    assertThat(e.getMessage()).contains("gold").contains("Bronze");
                });
        assertThat(wallets.balanceOf(marco)).isEqualTo(Points.of(500));

        var gold = tiers.tiers.lockedOrStarted(marco, TierFixtures.programme(), NOW);
        gold.override(TierFixtures.programme(), TierFixtures.programme().tier(2), null, NOW);
        tiers.tiers.save(gold);
        assertThat(service.claim(reward.id(), Actor.customer(marco)).balance()).isEqualTo(Points.of(400));
    }

    @Test
    void aRewardIsKeptOnlyForTiersTheProgrammeHas() {
        CouponTemplateId template = aTemplate();

        assertThatThrownBy(() -> service.define("x", Points.of(1), template, Set.of("Gold"), admin))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("tiers"));
        tiers.programmes.replace(TierFixtures.programme(), NOW, "console");
        assertThatThrownBy(() -> service.define("x", Points.of(1), template, Set.of("Platinum"), admin))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("tiers"));
    }
}
