package dev.loyalty.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PersonalOfferTest {

    private static PersonalOffer percent(String percent, String multiple, long roundTo, long min, long max) {
        return new PersonalOffer(
                Optional.of(new BigDecimal(percent)),
                OptionalLong.empty(),
                Optional.ofNullable(multiple).map(BigDecimal::new),
                roundTo,
                min,
                max,
                Optional.of("ready-meals"));
    }

    @Test
    void elena_with_an_average_basket_of_25_eur_gets_5_eur_off_a_basket_of_at_least_50_eur() {
        PersonalOffer offer = percent("20", "2", 500, 500, 2000);
        assertThat(offer.figuresFor(2500)).isEqualTo(new PersonalOffer.Figures(500, 5000));
    }

    @Test
    void the_value_is_rounded_half_up_to_the_step_and_held_within_min_and_max() {
        PersonalOffer offer = percent("10", "2", 100, 200, 1500);
        assertThat(offer.figuresFor(2449).valueCents()).isEqualTo(200); // 244.9 -> 200
        assertThat(offer.figuresFor(2550).valueCents()).isEqualTo(300); // 255 -> 300 (half up)
        assertThat(offer.figuresFor(500).valueCents()).isEqualTo(200); // 50 -> 100 -> min 200
        assertThat(offer.figuresFor(100_000).valueCents()).isEqualTo(1500); // 10000 -> max 1500
    }

    @Test
    void the_minimum_spend_is_rounded_up_and_never_below_the_value() {
        PersonalOffer offer = percent("20", "1.5", 500, 0, 100_000);
        assertThat(offer.figuresFor(3100).minSpendCents()).isEqualTo(5000); // 4650 -> 5000
        PersonalOffer generous = new PersonalOffer(
                Optional.empty(),
                OptionalLong.of(3000),
                Optional.of(new BigDecimal("0.5")),
                1,
                0,
                10_000,
                Optional.empty());
        assertThat(generous.figuresFor(2000)).isEqualTo(new PersonalOffer.Figures(3000, 3000));
    }

    @Test
    void a_fixed_value_without_a_multiple_has_no_threshold_and_needs_no_history() {
        PersonalOffer offer = new PersonalOffer(
                Optional.empty(), OptionalLong.of(700), Optional.empty(), 500, 0, 10_000, Optional.empty());
        assertThat(offer.needsAverageBasket()).isFalse();
        assertThat(offer.figuresFor(0)).isEqualTo(new PersonalOffer.Figures(500, 0));
    }
}
