package dev.loyalty.application.checkout;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.coupon.CouponReservation;
import dev.loyalty.application.coupon.CouponReservations;
import dev.loyalty.application.coupon.CouponTemplateNotFoundException;
import dev.loyalty.application.coupon.CouponTemplates;
import dev.loyalty.application.coupon.Coupons;
import dev.loyalty.application.coupon.ReserveCouponUseCase;
import dev.loyalty.application.shared.Role;
import dev.loyalty.application.tier.TierMovements;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponCodeInvalidException;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.AccessDeniedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prices a basket: each coupon judged by the coupon rules on this basket, the applicable
 * discounts spread over the lines they apply to, points computed on the net by the earning rules
 * in force now and the customer's tier multiplier, as the purchase would earn them. Reads only: a
 * quote redeems nothing and earns nothing.
 */
@ApplicationScoped
public class CheckoutService implements QuoteCheckoutUseCase {

    private final Customers customers;
    private final Coupons coupons;
    private final CouponTemplates templates;
    private final EarningRulesVersions earningRules;
    private final TierMovements tiers;
    private final Clock clock;
    private final CouponReservations reservations;

    /** For CDI's proxy only. */
    protected CheckoutService() {
        this(null, null, null, null, null, null, null);
    }

    /** Without offline reservations. */
    public CheckoutService(
            Customers customers,
            Coupons coupons,
            CouponTemplates templates,
            EarningRulesVersions earningRules,
            TierMovements tiers,
            Clock clock) {
        this(customers, coupons, templates, earningRules, tiers, clock, null);
    }

    @Inject
    public CheckoutService(
            Customers customers,
            Coupons coupons,
            CouponTemplates templates,
            EarningRulesVersions earningRules,
            TierMovements tiers,
            Clock clock,
            CouponReservations reservations) {
        this.reservations = reservations;
        this.customers = customers;
        this.coupons = coupons;
        this.templates = templates;
        this.earningRules = earningRules;
        this.tiers = tiers;
        this.clock = clock;
    }

    @Override
    public Quote quote(QuoteCommand command) {
        if (command.actor().role() == Role.TERMINAL
                && !command.storeId().equals(command.actor().storeId())) {
            throw new AccessDeniedException("a terminal prices baskets of its own store only");
        }
        Instant now = clock.instant();
        Optional<CustomerId> customer = BasketPricing.identify(customers, command.customerId(), command.cardNumber());
        // a coupon another store's till holds for offline use would be refused by the purchase
        // (coupon-reserved): the quote says so and prices the basket without it
        List<String> presented = new ArrayList<>();
        List<Quote.CouponVerdict> reserved = new ArrayList<>();
        for (String text : command.couponCodes()) {
            Optional<CouponReservation> held = heldElsewhere(text, command.storeId(), now);
            if (held.isPresent()) {
                reserved.add(new Quote.CouponVerdict(
                        text,
                        Optional.empty(),
                        ReserveCouponUseCase.RESERVED,
                        "another store holds this coupon for offline use until "
                                + held.get().reservedUntil()));
            } else {
                presented.add(text);
            }
        }
        BasketPricing.Priced priced = BasketPricing.price(
                command.lines(),
                presented,
                customer.orElse(null),
                command.channel(),
                now,
                earningRules.history().rulesAt(now),
                customer.flatMap(id -> tiers.inForce(id, now)).orElse(null),
                new PlainReads());
        List<Quote.CouponVerdict> verdicts = priced.coupons().stream()
                .map(j -> j.applicable()
                        ? new Quote.CouponVerdict(j.code().value(), Optional.of(j.discount()), null, null)
                        : new Quote.CouponVerdict(
                                j.presented(),
                                Optional.empty(),
                                j.rejection().code(),
                                j.rejection().detail()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        verdicts.addAll(reserved);
        return new Quote(customer, verdicts, priced.gross(), priced.discount(), priced.net(), priced.points());
    }

    private Optional<CouponReservation> heldElsewhere(String text, String storeId, Instant now) {
        if (reservations == null || text == null) {
            return Optional.empty();
        }
        CouponCode code;
        try {
            code = CouponCode.parse(text);
        } catch (CouponCodeInvalidException e) {
            return Optional.empty();
        }
        String store = storeId == null ? null : storeId.strip();
        return reservations.holding(code, now).filter(r -> !r.storeId().equals(store));
    }

    /** A quote reads what is committed, without locking: it changes nothing. */
    private final class PlainReads implements BasketPricing.CouponReads {

        @Override
        public Optional<Coupon> coupon(CouponCode code) {
            return coupons.byCode(code);
        }

        @Override
        public CouponTemplate template(CouponTemplateId id) {
            return templates.byId(id).orElseThrow(() -> new CouponTemplateNotFoundException(id));
        }

        @Override
        public long templateRedemptions(CouponTemplateId id) {
            return coupons.redeemedCount(id);
        }

        @Override
        public long customerRedemptions(CouponTemplateId id, CustomerId customer) {
            return coupons.redeemedCount(id, customer);
        }
    }
}
