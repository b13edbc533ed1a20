package dev.loyalty.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aCustomerLivesInTheCityOfTheirHomeStoreAndHasAGenderOfTheClosedSet() {
        assertThat(DataGenerator.city("GE-003")).containsExactly("GE", "Genova", "Liguria");
        assertThatThrownBy(() -> DataGenerator.city("WEB-001")).isInstanceOf(IllegalArgumentException.class);
        java.util.Map<String, Long> genders = java.util.stream.IntStream.range(0, 10_000)
                .mapToObj(n -> DataGenerator.gender(new java.util.UUID(n * 7_919L, n).toString()))
                .collect(java.util.stream.Collectors.groupingBy(g -> g, java.util.stream.Collectors.counting()));
        assertThat(genders.keySet()).containsExactlyInAnyOrder("FEMALE", "MALE", "OTHER", "UNDISCLOSED");
        assertThat(genders.get("FEMALE")).isBetween(4_500L, 5_900L);
    }
}
