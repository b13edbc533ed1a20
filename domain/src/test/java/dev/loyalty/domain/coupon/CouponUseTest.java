package dev.loyalty.domain.coupon;

import static dev.loyalty.domain.coupon.CouponFixtures.AT;
import static dev.loyalty.domain.coupon.CouponFixtures.MARCO;
import static dev.loyalty.domain.coupon.CouponFixtures.aCouponUse;
import static dev.loyalty.domain.coupon.CouponFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.coupon.CouponFixtures.CouponUseBuilder;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class CouponUseTest {

    @Test
    void theEligibleBasketIsTheTotalOfTheLinesInTheTemplatesCategories() {
        CouponUseBuilder wine = aCouponUse().forCategories("wine");
        List<BasketLine> lines = List.of(
                new BasketLine("W1", "wine", 2, eur(1250)),
                new BasketLine("F1", "food", 1, eur(900)),
                new BasketLine("W2", "wine", 1, eur(1700)));
        CouponUse use = CouponUse.ofBasket(wine.coupon(), wine.template(), MARCO, SalesChannel.STORE, AT, lines, 0, 0);
        assertThat(use.eligibleBasket()).isEqualTo(eur(4200));
        assertThat(use.identifiedCustomer()).contains(MARCO);

        CouponUseBuilder all = aCouponUse();
        assertThat(CouponUse.ofBasket(all.coupon(), all.template(), null, SalesChannel.STORE, AT, lines, 0, 0)
                        .eligibleBasket())
                .isEqualTo(eur(5100));
    }

    @Test
    void rejectsAnInconsistentUse() {
        CouponUseBuilder one = aCouponUse();
        assertThatThrownBy(() -> new CouponUse(
                        one.coupon(), aCouponUse().template(), MARCO, SalesChannel.STORE, AT, eur(100), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aCouponUse().withBasket(eur(0).minus(eur(1))).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aCouponUse().afterRedemptions(-1, 0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aCouponUse()
                        .withMinSpend(eur(5000))
                        .withBasket(Money.of(100, "USD"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aCouponUse()
                        .withDiscount(new Discount.AmountOff(eur(500)))
                        .withBasket(Money.of(100, "USD"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CouponUse.ofBasket(
                        one.coupon(), one.template(), MARCO, SalesChannel.STORE, AT, List.of(), 0, 0))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lines"));
        assertThatThrownBy(() -> CouponUse.ofBasket(
                        one.coupon(),
                        one.template(),
                        MARCO,
                        SalesChannel.STORE,
                        AT,
                        List.of(
                                new BasketLine("W1", "wine", 1, eur(100)),
                                new BasketLine("W2", "wine", 1, Money.of(1, "USD"))),
                        0,
                        0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
