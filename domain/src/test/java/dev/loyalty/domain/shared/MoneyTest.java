package dev.loyalty.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Money TEN = Money.of(1000, "EUR");

    @Test
    void printsWithTheCurrencyDecimals() {
        assertThat(Money.of(4200, "EUR")).hasToString("42.00 EUR");
        assertThat(Money.of(5, "EUR")).hasToString("0.05 EUR");
        assertThat(Money.of(0, "EUR")).hasToString("0.00 EUR");
        assertThat(Money.of(500, "JPY")).hasToString("500 JPY");
        assertThat(Money.of(5, "EUR").minus(Money.of(55, "EUR"))).hasToString("-0.50 EUR");
    }

    @Test
    void addsSubtractsAndMultiplies() {
        assertThat(TEN.plus(Money.of(250, "EUR"))).isEqualTo(Money.of(1250, "EUR"));
        assertThat(TEN.minus(Money.of(250, "EUR"))).isEqualTo(Money.of(750, "EUR"));
        assertThat(TEN.times(3)).isEqualTo(Money.of(3000, "EUR"));
        assertThat(TEN.minus(TEN).isZero()).isTrue();
    }

    @Test
    void aNegativeAmountOnlyComesFromMinus() {
        Money difference = Money.of(100, "EUR").minus(TEN);
        assertThat(difference.isNegative()).isTrue();
        assertThat(difference.cents()).isEqualTo(-900);
        assertThatThrownBy(() -> Money.of(-1, "EUR"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void compares() {
        assertThat(Money.of(4200, "EUR").isLessThan(Money.of(5000, "EUR"))).isTrue();
        assertThat(TEN.isLessThan(TEN)).isFalse();
        assertThat(TEN.isGreaterThan(Money.of(999, "EUR"))).isTrue();
        assertThat(TEN.min(Money.of(1, "EUR"))).isEqualTo(Money.of(1, "EUR"));
    }

    @Test
    void mixingCurrenciesIsAProgrammingError() {
        Money dollars = Money.of(1000, "USD");
        assertThatThrownBy(() -> TEN.plus(dollars)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TEN.minus(dollars)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TEN.isLessThan(dollars)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE, Currency.getInstance("EUR")).plus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> TEN.times(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rejectsMissingOrUnknownCurrency() {
        assertThatThrownBy(() -> Money.of(1, "XYZW"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> Money.of(1, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(InvalidValueException.class);
        assertThat(Money.zero(Currency.getInstance("EUR"))).isEqualTo(Money.of(0, "EUR"));
    }
}
