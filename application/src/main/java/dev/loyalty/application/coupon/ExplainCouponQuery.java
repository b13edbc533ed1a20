package dev.loyalty.application.coupon;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Money;
import java.time.Instant;
import java.util.Optional;

/** Driving port: the console asks why a coupon was (or would be) accepted or refused. */
public interface ExplainCouponQuery {

    /**
     * @param code the coupon
     * @param customer who presented it, or empty for an anonymous basket
     * @param at when
     * @param channel where
     * @param basket the eligible basket (in the programme's currency; zero when not known)
     * @param basketKnown whether the basket was given: the rules that depend on it are judged only then
     * @return every rule's verdict and the coupon's history (administrators)
     */
    CouponExplanation explain(
            CouponCode code,
            Optional<CustomerId> customer,
            Instant at,
            SalesChannel channel,
            Money basket,
            boolean basketKnown,
            Actor actor);
}
