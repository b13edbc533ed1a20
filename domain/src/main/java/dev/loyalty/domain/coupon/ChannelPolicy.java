package dev.loyalty.domain.coupon;

import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A coupon is used only in the sales channels of its template; otherwise {@value #CODE}, with a
 * detail naming the channel of the purchase and the allowed ones (in declaration order), e.g.
 * {@code the coupon is not valid ONLINE; only STORE}.
 */
public final class ChannelPolicy implements CouponPolicy {

    /** The code of a coupon used in the wrong channel. */
    public static final String CODE = "coupon-not-valid-in-channel";

    @Override
    public Optional<CouponRejection> check(CouponUse use) {
        if (use.template().channels().contains(use.channel())) {
            return Optional.empty();
        }
        String allowed = EnumSet.copyOf(use.template().channels()).stream()
                .map(SalesChannel::name)
                .collect(Collectors.joining(", "));
        return Optional.of(new CouponRejection(CODE, "the coupon is not valid " + use.channel() + "; only " + allowed));
    }
}
