package dev.loyalty.application.checkout;

import dev.loyalty.application.coupon.CouponTemplates;
import dev.loyalty.application.coupon.Coupons;
import dev.loyalty.application.customer.Customers;
import dev.loyalty.application.shared.Role;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponCodeInvalidException;
import dev.loyalty.domain.coupon.CouponEligibility;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponUse;
import dev.loyalty.domain.coupon.DiscountAllocation;
import dev.loyalty.domain.coupon.Eligibility;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.earning.EarningPolicy;
import dev.loyalty.domain.earning.PricedLine;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.Money;
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
 * in force now. Reads only: a quote redeems nothing and earns nothing.
 */
@ApplicationScoped
public class CheckoutService implements QuoteCheckoutUseCase {

    static final String COUPON_NOT_FOUND = "coupon-not-found";
    static final String COUPON_CODE_INVALID = "coupon-code-invalid";
    static final String COUPON_DUPLICATED = "coupon-duplicated";

    private final Customers customers;
    private final Coupons coupons;
    private final CouponTemplates templates;
    private final EarningRulesVersions earningRules;
    private final Clock clock;
    private final CouponEligibility eligibility = new CouponEligibility();
    private final EarningPolicy earning = new EarningPolicy();

    /** For CDI's proxy only. */
    protected CheckoutService() {
        this(null, null, null, null, null);
    }

    @Inject
    public CheckoutService(
            Customers customers,
            Coupons coupons,
            CouponTemplates templates,
            EarningRulesVersions earningRules,
            Clock clock) {
        this.customers = customers;
        this.coupons = coupons;
        this.templates = templates;
        this.earningRules = earningRules;
        this.clock = clock;
    }

    @Override
    public Quote quote(QuoteCommand command) {
        if (command.actor().role() == Role.TERMINAL
                && !command.storeId().equals(command.actor().storeId())) {
            throw new AccessDeniedException("a terminal prices baskets of its own store only");
        }
        Instant now = clock.instant();
        Optional<CustomerId> customer = identify(command);
        List<BasketLine> lines = command.lines();
        Money zero = Money.zero(lines.get(0).unitPrice().currency());
        List<Money> lineDiscounts =
                new ArrayList<>(lines.stream().map(l -> zero).toList());
        List<Quote.CouponVerdict> verdicts = new ArrayList<>();
        List<CouponCode> seen = new ArrayList<>();
        for (String presented : command.couponCodes()) {
            verdicts.add(judge(presented, command, customer.orElse(null), now, seen, lineDiscounts));
        }
        Money gross = zero;
        Money discount = zero;
        for (int i = 0; i < lines.size(); i++) {
            Money lineGross = lines.get(i).unitPrice().times(lines.get(i).quantity());
            gross = gross.plus(lineGross);
            discount = discount.plus(lineDiscounts.get(i).isLessThan(lineGross) ? lineDiscounts.get(i) : lineGross);
        }
        var points = earning.pointsFor(earningRules.history().rulesAt(now), PricedLine.pair(lines, lineDiscounts));
        return new Quote(customer, verdicts, gross, discount, gross.minus(discount), points);
    }

    private Quote.CouponVerdict judge(
            String presented,
            QuoteCommand command,
            CustomerId customer,
            Instant now,
            List<CouponCode> seen,
            List<Money> lineDiscounts) {
        CouponCode code;
        try {
            code = CouponCode.parse(presented);
        } catch (CouponCodeInvalidException e) {
            return rejected(presented, COUPON_CODE_INVALID, e.getMessage());
        }
        if (seen.contains(code)) {
            return rejected(presented, COUPON_DUPLICATED, "this coupon is already in the basket");
        }
        seen.add(code);
        Optional<Coupon> coupon = coupons.byCode(code);
        if (coupon.isEmpty()) {
            return rejected(presented, COUPON_NOT_FOUND, "no coupon has this code");
        }
        CouponTemplate template = templates.byId(coupon.get().templateId()).orElseThrow();
        CouponUse use = CouponUse.ofBasket(
                coupon.get(),
                template,
                customer,
                command.channel(),
                now,
                command.lines(),
                customer == null ? 0 : coupons.redeemedCount(template.id(), customer),
                coupons.redeemedCount(template.id()));
        Eligibility verdict = eligibility.evaluate(use);
        if (verdict instanceof Eligibility.Rejected rejected) {
            return rejected(
                    presented, rejected.rejection().code(), rejected.rejection().detail());
        }
        Money discount = ((Eligibility.Applicable) verdict).discount();
        List<Money> parts = DiscountAllocation.of(discount, command.lines(), template.categories())
                .parts();
        for (int i = 0; i < parts.size(); i++) {
            lineDiscounts.set(i, lineDiscounts.get(i).plus(parts.get(i)));
        }
        return new Quote.CouponVerdict(code.value(), Optional.of(discount), null, null);
    }

    private Optional<CustomerId> identify(QuoteCommand command) {
        Optional<Customer> byId = Optional.ofNullable(command.customerId()).flatMap(customers::byId);
        Optional<Customer> byCard = Optional.ofNullable(command.cardNumber()).flatMap(customers::byCardNumber);
        if ((command.customerId() != null && byId.isEmpty()) || (command.cardNumber() != null && byCard.isEmpty())) {
            throw new CustomerNotFoundException("no customer has this id or card");
        }
        if (byId.isPresent()
                && byCard.isPresent()
                && !byId.get().id().equals(byCard.get().id())) {
            throw new CustomerNotFoundException("the id and the card designate different customers");
        }
        return byId.or(() -> byCard).map(Customer::id);
    }

    private static Quote.CouponVerdict rejected(String presented, String code, String detail) {
        return new Quote.CouponVerdict(presented, Optional.empty(), code, detail);
    }
}
