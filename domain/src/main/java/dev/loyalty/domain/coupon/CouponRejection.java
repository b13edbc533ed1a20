package dev.loyalty.domain.coupon;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why a coupon cannot be applied: a stable kebab-case machine code that clients match on (e.g.
 * {@code coupon-min-spend-not-met}) and a human-readable detail naming the numbers involved (e.g.
 * {@code basket 42.00 EUR is below the 50.00 EUR minimum}), free of personal data. A result
 * value, not a failure: a quote reports it, a purchase turns it into a
 * {@link CouponRejectedException}.
 *
 * @param code the kebab-case machine code
 * @param detail the human-readable explanation, non-blank
 */
public record CouponRejection(String code, String detail) {

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z]+(-[a-z]+)*");

    /** Validates the code's form and that the detail is present. */
    public CouponRejection {
        Objects.requireNonNull(code, "code");
        if (!KEBAB_CASE.matcher(code).matches()) {
            throw new IllegalArgumentException("a rejection code is kebab-case, not " + code);
        }
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a detail");
        }
    }
}
