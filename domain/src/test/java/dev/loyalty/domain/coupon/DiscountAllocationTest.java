package dev.loyalty.domain.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiscountAllocationTest {

    private static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }

    private static BasketLine line(String category, int quantity, long unitCents) {
        return new BasketLine("SKU-" + category + unitCents, category, quantity, eur(unitCents));
    }

    @Test
    void tenEurosOverThreeEqualLinesGivesTheExtraCentToTheFirstLine() {
        List<BasketLine> lines = List.of(line("food", 1, 500), line("food", 1, 500), line("food", 1, 500));

        DiscountAllocation allocation = DiscountAllocation.of(eur(1000), lines, Set.of());

        assertThat(allocation.parts()).containsExactly(eur(334), eur(333), eur(333));
    }

    @Test
    void theLargestRemainderGetsTheLeftoverCents() {
        // 100 cents over 1/6, 2/6, 3/6 of 600: 16.67, 33.33, 50 -> 17, 33, 50
        List<BasketLine> lines = List.of(line("a", 1, 100), line("a", 2, 100), line("a", 3, 100));

        assertThat(DiscountAllocation.of(eur(100), lines, Set.of()).parts()).containsExactly(eur(17), eur(33), eur(50));
    }

    @Test
    void onlyLinesOfTheCouponsCategoriesGetAShare() {
        List<BasketLine> lines =
                List.of(line("wine", 1, 999), line("food", 3, 333), line("wine", 2, 1), line("toys", 1, 700));

        DiscountAllocation allocation = DiscountAllocation.of(eur(101), lines, Set.of("wine", "toys"));

        // eligible: 999 + 2 + 700 = 1701; exact shares 59.32, 0.12, 41.56 -> 59, 0, 41 + 1 to the largest remainder
        assertThat(allocation.parts()).containsExactly(eur(59), eur(0), eur(0), eur(42));
    }

    @Test
    void partsAlwaysSumToTheDiscount() {
        List<BasketLine> lines = List.of(line("a", 7, 13), line("a", 1, 1), line("a", 3, 997), line("a", 11, 3));
        long eligible = 7 * 13 + 1 + 3 * 997 + 11 * 3;
        for (long discount = 0; discount <= eligible; discount += 37) {
            DiscountAllocation allocation = DiscountAllocation.of(eur(discount), lines, Set.of());
            assertThat(allocation.parts().stream().mapToLong(Money::cents).sum())
                    .isEqualTo(discount);
        }
    }

    @Test
    void refusesADiscountLargerThanTheEligibleLines() {
        List<BasketLine> lines = List.of(line("food", 1, 500), line("wine", 1, 500));
        assertThatThrownBy(() -> DiscountAllocation.of(eur(501), lines, Set.of("wine")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscountAllocation(eur(10), List.of(eur(4), eur(5))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBasketLineIsValid() {
        assertThat(line("food", 3, 250).total()).isEqualTo(eur(750));
        assertThat(new BasketLine(" S1 ", " food ", 1, eur(0)).category()).isEqualTo("food");
        assertThatThrownBy(() -> new BasketLine("S1", "food", 0, eur(1)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> new BasketLine(" ", "food", 1, eur(1))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new BasketLine("S1", null, 1, eur(1))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new BasketLine("S1", "food", 1, eur(1).minus(eur(2))))
                .isInstanceOf(InvalidValueException.class);
    }
}
