package dev.loyalty.application.token;

import java.time.Duration;

/**
 * How tokens are judged, as configured.
 *
 * @param staffMaxAge the longest lifetime and age of an admin, terminal or integration token
 * @param customerMaxAge the longest lifetime and age of a customer's (the app's) token
 * @param revocationRefresh how often an instance reads the revocation list again
 */
public record TokenSettings(Duration staffMaxAge, Duration customerMaxAge, Duration revocationRefresh) {

    /** Refuses, with one line naming the setting, what cannot work. */
    public TokenSettings {
        check("LOYALTY_TOKENS_STAFF_MAX_MINUTES (loyalty.tokens.staff-max-minutes)", staffMaxAge.toMinutes(), 1, 1_440);
        check(
                "LOYALTY_TOKENS_CUSTOMER_MAX_MINUTES (loyalty.tokens.customer-max-minutes)",
                customerMaxAge.toMinutes(),
                1,
                43_200);
        check(
                "LOYALTY_TOKENS_REVOCATION_REFRESH_SECONDS (loyalty.tokens.revocation-refresh-seconds)",
                revocationRefresh.toSeconds(),
                1,
                300);
    }

    /** The longest age of any token: a revocation older than that refuses nothing a token's age would not. */
    public Duration longestAge() {
        return staffMaxAge.compareTo(customerMaxAge) >= 0 ? staffMaxAge : customerMaxAge;
    }

    private static void check(String setting, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(setting + " must be between " + min + " and " + max + ", got: " + value);
        }
    }
}
