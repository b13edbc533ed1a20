package dev.loyalty.adapters.web.limit;

import java.time.Duration;

/**
 * The abuse limits, as configured; a value that cannot work is refused with one line naming the
 * setting (so that the start stops there rather than the limit silently doing nothing).
 *
 * @param window the window the per-token, per-store and per-customer counts run over
 * @param lookupPerToken customer lookups per token (a terminal, an integration) per window
 * @param lookupPerStore customer lookups per store (all its terminals) per window
 * @param quotePerToken quotes per token per window
 * @param quotePerStore quotes per store per window
 * @param appEventsPerCustomer events the app may post per customer per window
 * @param invalidCoupons invalid coupon codes a terminal may present within {@code lockout} before
 *     it is locked out of coupons for {@code lockout}
 * @param lockout the lock-out window
 */
public record LimitSettings(
        Duration window,
        int lookupPerToken,
        int lookupPerStore,
        int quotePerToken,
        int quotePerStore,
        int appEventsPerCustomer,
        int invalidCoupons,
        Duration lockout) {

    /** Checks that every limit can work. */
    public LimitSettings {
        check("LOYALTY_LIMITS_WINDOW_SECONDS (loyalty.limits.window-seconds)", window.toSeconds(), 1, 86_400);
        check("LOYALTY_LIMITS_LOOKUP_PER_TOKEN (loyalty.limits.lookup.per-token)", lookupPerToken, 1, 1_000_000);
        check("LOYALTY_LIMITS_LOOKUP_PER_STORE (loyalty.limits.lookup.per-store)", lookupPerStore, 1, 1_000_000);
        check("LOYALTY_LIMITS_QUOTE_PER_TOKEN (loyalty.limits.quote.per-token)", quotePerToken, 1, 1_000_000);
        check("LOYALTY_LIMITS_QUOTE_PER_STORE (loyalty.limits.quote.per-store)", quotePerStore, 1, 1_000_000);
        check(
                "LOYALTY_LIMITS_APP_EVENTS_PER_CUSTOMER (loyalty.limits.app-events.per-customer)",
                appEventsPerCustomer,
                1,
                1_000_000);
        check("LOYALTY_LIMITS_INVALID_COUPONS (loyalty.limits.invalid-coupons)", invalidCoupons, 1, 1_000);
        check(
                "LOYALTY_LIMITS_COUPON_LOCKOUT_SECONDS (loyalty.limits.coupon-lockout-seconds)",
                lockout.toSeconds(),
                1,
                86_400);
        if (lookupPerStore < lookupPerToken || quotePerStore < quotePerToken) {
            throw new IllegalArgumentException("LOYALTY_LIMITS_LOOKUP_PER_STORE and LOYALTY_LIMITS_QUOTE_PER_STORE"
                    + " must be at least their per-token limit (a store has one terminal or more)");
        }
    }

    private static void check(String setting, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(setting + " must be between " + min + " and " + max + ", got: " + value);
        }
    }
}
