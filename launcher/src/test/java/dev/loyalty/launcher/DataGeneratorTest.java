package dev.loyalty.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataGeneratorTest {

    @Test
    void generatedCardsAreValidDistinctEan13InTheStorePrefix() {
        Set<String> cards = new HashSet<>();
        for (long serial = DataGenerator.FIRST_SERIAL; serial < DataGenerator.FIRST_SERIAL + 10_000; serial++) {
            String card = DataGenerator.card(serial);
            assertThat(card).matches("29\\d{11}");
            int sum = 0;
            for (int i = 0; i < 13; i++) {
                int digit = card.charAt(i) - '0';
                sum += i % 2 == 0 ? digit : 3 * digit;
            }
            assertThat(sum % 10).as(card).isZero();
            cards.add(card);
        }
        assertThat(cards).hasSize(10_000);
    }

    @Test
    void aWeightedPickFindsTheFirstCumulativeWeightAbove() {
        double[] cumulative = {1, 3, 6, 10};

        assertThat(DataGenerator.pick(cumulative, 0.5)).isZero();
        assertThat(DataGenerator.pick(cumulative, 1)).isZero();
        assertThat(DataGenerator.pick(cumulative, 2.5)).isEqualTo(1);
        assertThat(DataGenerator.pick(cumulative, 9.99)).isEqualTo(3);
        assertThat(DataGenerator.pick(cumulative, 10)).isEqualTo(3);
    }
}
