package dev.loyalty.domain.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.coupon.Discount.AmountOff;
import dev.loyalty.domain.coupon.Discount.PercentOff;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscountTest {

    private static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }

    @Test
    void anAmountOffIsCappedAtTheEligibleAmount() {
        AmountOff fiveOff = new AmountOff(eur(500));
        assertThat(fiveOff.applyTo(eur(4200))).isEqualTo(eur(500));
        assertThat(fiveOff.applyTo(eur(300))).isEqualTo(eur(300));
        assertThat(fiveOff.applyTo(eur(0))).isEqualTo(eur(0));
        assertThatThrownBy(() -> fiveOff.applyTo(Money.of(100, "USD"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "10,1000,100",
        "15,10,1",
        "16,10,2",
        "25,10,2",
        "10,5,0",
        "33,100,33",
        "100,4321,4321",
        "1,1,0",
        "50,1,0",
        "51,1,1"
    })
    void aPercentOffRoundsHalfDownToTheCent(int percent, long eligible, long expected) {
        assertThat(new PercentOff(percent).applyTo(eur(eligible))).isEqualTo(eur(expected));
    }

    @Test
    void rejectsAbsurdDiscounts() {
        assertThatThrownBy(() -> new PercentOff(0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new PercentOff(101)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new AmountOff(eur(0)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("discount"));
        assertThatThrownBy(() -> new PercentOff(10).applyTo(eur(5).minus(eur(10))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
