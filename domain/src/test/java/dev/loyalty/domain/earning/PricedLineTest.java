package dev.loyalty.domain.earning;

import static dev.loyalty.domain.earning.EarningFixtures.eur;
import static dev.loyalty.domain.earning.EarningFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricedLineTest {

    @Test
    void theNetIsTheTotalLessTheDiscount() {
        assertThat(new PricedLine(line("food", 3, 250), eur(120)).net()).isEqualTo(eur(630));
        assertThat(PricedLine.undiscounted(line("food", 3, 250)).net()).isEqualTo(eur(750));
    }

    @Test
    void theNetNeverGoesBelowZero() {
        assertThat(new PricedLine(line("food", 1, 1000), eur(1000)).net()).isEqualTo(eur(0));
        assertThat(new PricedLine(line("food", 1, 1000), eur(1200)).net()).isEqualTo(eur(0));
    }

    @Test
    void theDiscountIsInTheLinesCurrencyAndNotNegative() {
        assertThatThrownBy(() -> new PricedLine(line("food", 1, 1000), Money.of(100, "USD")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> new PricedLine(line("food", 1, 1000), eur(1).minus(eur(2))))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("discount"));
        assertThatThrownBy(() -> new PricedLine(line("food", 1, 1000), null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void pairsParallelListsOfLinesAndDiscounts() {
        List<PricedLine> priced =
                PricedLine.pair(List.of(line("a", 1, 500), line("b", 2, 100)), List.of(eur(50), eur(0)));

        assertThat(priced).extracting(PricedLine::net).containsExactly(eur(450), eur(200));
        assertThatThrownBy(() -> PricedLine.pair(List.of(line("a", 1, 500)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
