package dev.loyalty.application.checkout;

import dev.loyalty.application.account.Customers;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponCodeInvalidException;
import dev.loyalty.domain.coupon.CouponEligibility;
import dev.loyalty.domain.coupon.CouponRejection;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.CouponUse;
import dev.loyalty.domain.coupon.DiscountAllocation;
import dev.loyalty.domain.coupon.Eligibility;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.earning.EarnedPoints;
import dev.loyalty.domain.earning.EarningPolicy;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.PricedLine;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.tier.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices a basket the same way for a quote and for a purchase: each coupon judged in the order
 * presented by the coupon rules (a second coupon of a template counts the first among the
 * redemptions), the applicable discounts spread over the lines they apply to, the points computed on
 * the net by the given earning rules, times the multiplier of the customer's tier in force before
 * the purchase (a tier reached by this very purchase multiplies from the next one). Where the
 * coupons and their redemption counts come from is the caller's choice: plain reads for a quote,
 * rows locked for a purchase.
 */
final class BasketPricing {

    static final String COUPON_NOT_FOUND = "coupon-not-found";
    static final String COUPON_DUPLICATED = "coupon-duplicated";

    private static final CouponEligibility ELIGIBILITY = new CouponEligibility();
    private static final EarningPolicy EARNING = new EarningPolicy();

    private BasketPricing() {}

    /** Where the pricing reads coupons, templates and redemption counts. */
    interface CouponReads {

        Optional<Coupon> coupon(CouponCode code);

        CouponTemplate template(CouponTemplateId id);

        /** Redemptions of the template by anyone, before this basket. */
        long templateRedemptions(CouponTemplateId id);

        /** Redemptions of the template by this customer, before this basket. */
        long customerRedemptions(CouponTemplateId id, CustomerId customer);
    }

    /**
     * One coupon presented, judged.
     *
     * @param presented the code as typed or scanned
     * @param code the parsed code, {@code null} when it is not a valid code
     * @param use the coupon on this basket, {@code null} when there is no such coupon
     * @param discount the discount it gives, {@code null} when rejected
     * @param rejection why it is rejected, {@code null} when applicable
     */
    record Judged(
            String presented,
            CouponCode code,
            CouponUse use,
            Money discount,
            CouponRejection rejection,
            boolean conflict) {

        Judged(String presented, CouponCode code, CouponUse use, Money discount, CouponRejection rejection) {
            this(presented, code, use, discount, rejection, false);
        }

        boolean applicable() {
            return rejection == null;
        }
    }

    /**
     * A priced basket.
     *
     * @param coupons one verdict per coupon presented, in order
     * @param lineDiscounts the discount allocated to each line, in line order
     * @param gross the lines' total
     * @param discount the discounts taken off (never more than a line's total)
     * @param net gross less discount
     * @param points the points the net earns
     */
    record Priced(
            List<Judged> coupons,
            List<Money> lineDiscounts,
            Money gross,
            Money discount,
            Money net,
            EarnedPoints points) {

        Optional<Judged> firstRejected() {
            return coupons.stream().filter(j -> !j.applicable()).findFirst();
        }
    }

    static Priced price(
            List<BasketLine> lines,
            List<String> presented,
            CustomerId customer,
            SalesChannel channel,
            Instant at,
            EarningRules rules,
            Tier tier,
            CouponReads reads) {
        return price(lines, presented, customer, channel, at, rules, tier, reads, false);
    }

    /**
     * @param offline whether a till recorded the basket offline: a coupon redeemed meanwhile (by
     *     another offline receipt) is judged as it was before, and marked a conflict
     */
    static Priced price(
            List<BasketLine> lines,
            List<String> presented,
            CustomerId customer,
            SalesChannel channel,
            Instant at,
            EarningRules rules,
            Tier tier,
            CouponReads reads,
            boolean offline) {
        String tierName = tier == null ? null : tier.name();
        int tierPercent = tier == null ? EarningPolicy.NO_TIER_BONUS_PERCENT : tier.earnMultiplierPercent();
        Money zero = Money.zero(lines.get(0).unitPrice().currency());
        List<Money> lineDiscounts =
                new ArrayList<>(lines.stream().map(l -> zero).toList());
        List<Judged> judged = new ArrayList<>();
        List<CouponCode> seen = new ArrayList<>();
        Map<CouponTemplateId, Integer> inBasket = new HashMap<>();
        for (String text : presented) {
            Judged verdict = judge(text, lines, customer, tierName, channel, at, reads, seen, inBasket, offline);
            judged.add(verdict);
            if (verdict.applicable()) {
                inBasket.merge(verdict.use().template().id(), 1, Integer::sum);
                List<Money> parts = DiscountAllocation.of(
                                verdict.discount(),
                                lines,
                                verdict.use().template().categories())
                        .parts();
                for (int i = 0; i < parts.size(); i++) {
                    lineDiscounts.set(i, lineDiscounts.get(i).plus(parts.get(i)));
                }
            }
        }
        Money gross = zero;
        Money discount = zero;
        for (int i = 0; i < lines.size(); i++) {
            Money lineGross = lines.get(i).total();
            gross = gross.plus(lineGross);
            discount = discount.plus(lineDiscounts.get(i).min(lineGross));
        }
        EarnedPoints points = EARNING.pointsFor(rules, PricedLine.pair(lines, lineDiscounts), tierPercent);
        return new Priced(judged, lineDiscounts, gross, discount, gross.minus(discount), points);
    }

    /**
     * @return the codes presented that parse, once each, in order (the coupons a purchase will
     *     lock)
     */
    static List<CouponCode> parsable(List<String> presented) {
        List<CouponCode> codes = new ArrayList<>();
        for (String text : presented) {
            try {
                CouponCode code = CouponCode.parse(text);
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            } catch (CouponCodeInvalidException ignored) {
                // judged (and rejected) by price()
            }
        }
        return codes;
    }

    /**
     * @return the customer designated by id or card, or empty for an anonymous basket
     * @throws CustomerNotFoundException when one of them designates no customer, or the two
     *     designate different customers
     */
    static Optional<CustomerId> identify(Customers customers, CustomerId customerId, CardNumber cardNumber) {
        boolean idKnown = customerId != null && customers.exists(customerId);
        Optional<CustomerId> byCard = Optional.ofNullable(cardNumber).flatMap(customers::holderOf);
        return identified(customerId, idKnown, cardNumber, byCard);
    }

    /**
     * {@link #identify} from what was read: whether the id names a customer, and the card's holder.
     *
     * @return the customer designated by id or card, or empty for an anonymous basket
     * @throws CustomerNotFoundException as {@link #identify}
     */
    static Optional<CustomerId> identified(
            CustomerId customerId, boolean idKnown, CardNumber cardNumber, Optional<CustomerId> byCard) {
        if ((customerId != null && !idKnown) || (cardNumber != null && byCard.isEmpty())) {
            throw new CustomerNotFoundException("no customer has this id or card");
        }
        if (idKnown && byCard.isPresent() && !customerId.equals(byCard.get())) {
            throw new CustomerNotFoundException("the id and the card designate different customers");
        }
        return idKnown ? Optional.of(customerId) : byCard;
    }

    private static Judged judge(
            String presented,
            List<BasketLine> lines,
            CustomerId customer,
            String tierName,
            SalesChannel channel,
            Instant at,
            CouponReads reads,
            List<CouponCode> seen,
            Map<CouponTemplateId, Integer> inBasket,
            boolean offline) {
        CouponCode code;
        try {
            code = CouponCode.parse(presented);
        } catch (CouponCodeInvalidException e) {
            return new Judged(
                    presented, null, null, null, new CouponRejection(CouponCodeInvalidException.CODE, e.getMessage()));
        }
        if (seen.contains(code)) {
            return new Judged(
                    presented,
                    code,
                    null,
                    null,
                    new CouponRejection(COUPON_DUPLICATED, "this coupon is already in the basket"));
        }
        seen.add(code);
        Optional<Coupon> coupon = reads.coupon(code);
        if (coupon.isEmpty()) {
            return new Judged(
                    presented, code, null, null, new CouponRejection(COUPON_NOT_FOUND, "no coupon has this code"));
        }
        Coupon found = coupon.get();
        boolean conflict = offline && found.status() == CouponStatus.REDEEMED;
        if (conflict) {
            // redeemed meanwhile by another receipt: judged as the till saw it, a conflict
            Coupon before = Coupon.reconstitute(
                    found.code(),
                    found.templateId(),
                    found.owner().orElse(null),
                    CouponStatus.ISSUED,
                    found.validFrom(),
                    found.validUntil());
            coupon = Optional.of(found.ownFigures().map(before::withOwnFigures).orElse(before));
        }
        CouponTemplate stored = reads.template(coupon.get().templateId());
        CouponTemplate template = coupon.get().ownFigures().isPresent() && !lines.isEmpty()
                ? stored.personalisedBy(
                        coupon.get().ownFigures().get(),
                        lines.get(0).unitPrice().currency())
                : stored;
        int earlierInBasket = inBasket.getOrDefault(template.id(), 0);
        CouponUse use = CouponUse.ofBasket(
                coupon.get(),
                template,
                customer,
                channel,
                at,
                lines,
                // a conflict's coupon does not count its own first redemption against itself; a count
                // no limit of the template looks at is not read at all (0): an uncapped template's
                // redemptions, the customer's of a template without a per-customer limit
                customer == null || template.perCustomerLimit().isEmpty()
                        ? 0
                        : Math.max(
                                0,
                                reads.customerRedemptions(template.id(), customer)
                                        + earlierInBasket
                                        - (conflict ? 1 : 0)),
                template.maxRedemptions().isEmpty()
                        ? 0
                        : Math.max(0, reads.templateRedemptions(template.id()) + earlierInBasket - (conflict ? 1 : 0)),
                tierName);
        Eligibility verdict = ELIGIBILITY.evaluate(use);
        if (verdict instanceof Eligibility.Rejected rejected) {
            return new Judged(presented, code, use, null, rejected.rejection());
        }
        return new Judged(presented, code, use, ((Eligibility.Applicable) verdict).discount(), null, conflict);
    }
}
