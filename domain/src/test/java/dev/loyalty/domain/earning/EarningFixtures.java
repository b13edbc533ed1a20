package dev.loyalty.domain.earning;

import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.shared.Money;
import java.time.Instant;
import java.util.Currency;

/** Shared test data for the earning package: euros, lines and a one-point-per-euro programme. */
public final class EarningFixtures {

    /** The programme's currency. */
    public static final Currency EUR = Currency.getInstance("EUR");

    /** When the first version of the rules takes effect. */
    public static final Instant LAUNCH = Instant.parse("2024-01-01T00:00:00Z");

    private EarningFixtures() {}

    /**
     * @param cents an amount in euro cents
     * @return the amount
     */
    public static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }

    /**
     * @param category the line's category
     * @param quantity how many
     * @param unitCents the unit price in euro cents
     * @return a basket line
     */
    public static BasketLine line(String category, int quantity, long unitCents) {
        return new BasketLine("SKU-" + category + "-" + unitCents, category, quantity, eur(unitCents));
    }

    /**
     * @param category the line's category
     * @param quantity how many
     * @param unitCents the unit price in euro cents
     * @return the line, without coupon discount
     */
    public static PricedLine priced(String category, int quantity, long unitCents) {
        return PricedLine.undiscounted(line(category, quantity, unitCents));
    }

    /** @return one point per euro from {@link #LAUNCH}, no multiplier, no exclusion, floor */
    public static EarningRules onePointPerEuro() {
        return EarningRules.flat(1, EUR, LAUNCH);
    }
}
