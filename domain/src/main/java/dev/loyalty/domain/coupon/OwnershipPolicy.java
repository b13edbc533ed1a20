package dev.loyalty.domain.coupon;

import java.util.Optional;

/**
 * A personal coupon is used only by its owner, who must be identified on the purchase; a bearer
 * coupon (no owner) is anyone's. Otherwise {@value #CODE}; the detail never names either customer.
 */
public final class OwnershipPolicy implements CouponPolicy {

    /** The code of a personal coupon used by someone else or anonymously. */
    public static final String CODE = "coupon-not-yours";

    @Override
    public Optional<CouponRejection> check(CouponUse use) {
        return use.coupon().owner().flatMap(owner -> {
            if (use.identifiedCustomer().isEmpty()) {
                return Optional.of(new CouponRejection(CODE, "a personal coupon needs the customer to be identified"));
            }
            if (!use.identifiedCustomer().get().equals(owner)) {
                return Optional.of(new CouponRejection(CODE, "the coupon belongs to another customer"));
            }
            return Optional.empty();
        });
    }
}
