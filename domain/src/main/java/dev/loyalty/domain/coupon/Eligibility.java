package dev.loyalty.domain.coupon;

import dev.loyalty.domain.shared.Money;
import java.util.Objects;

/**
 * The answer of {@link CouponEligibility}: a coupon either applies, with the discount it takes
 * off, or is rejected by the first rule it breaks.
 */
public sealed interface Eligibility permits Eligibility.Applicable, Eligibility.Rejected {

    /**
     * Every rule is met.
     *
     * @param discount what the coupon takes off: the template's discount applied to the eligible
     *     basket, zero or more and never more than that basket
     */
    record Applicable(Money discount) implements Eligibility {

        /** Validates the discount. */
        public Applicable {
            if (Objects.requireNonNull(discount, "discount").isNegative()) {
                throw new IllegalArgumentException("a discount is never negative: " + discount);
            }
        }
    }

    /**
     * A rule is broken.
     *
     * @param rejection the first broken rule's answer
     */
    record Rejected(CouponRejection rejection) implements Eligibility {

        /** Validates the rejection. */
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
