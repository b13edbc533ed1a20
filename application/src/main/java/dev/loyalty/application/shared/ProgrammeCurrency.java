package dev.loyalty.application.shared;

import java.util.Currency;

/**
 * The programme's currency, set once for the whole service: every amount the API takes or gives,
 * the coupon templates and the earning rules are in cents of it. A driven port, implemented from
 * configuration.
 */
@FunctionalInterface
public interface ProgrammeCurrency {

    /** @return the currency, an ISO 4217 one */
    Currency currency();

    /** @return its ISO 4217 code, such as {@code EUR} */
    default String code() {
        return currency().getCurrencyCode();
    }
}
