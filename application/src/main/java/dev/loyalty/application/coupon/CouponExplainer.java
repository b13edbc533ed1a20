package dev.loyalty.application.coupon;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.DomainEventHistory;
import dev.loyalty.application.tier.TierMovements;
import dev.loyalty.domain.coupon.AlreadyRedeemedPolicy;
import dev.loyalty.domain.coupon.CategoryPolicy;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponEligibility;
import dev.loyalty.domain.coupon.CouponExpired;
import dev.loyalty.domain.coupon.CouponPolicy;
import dev.loyalty.domain.coupon.CouponRedeemed;
import dev.loyalty.domain.coupon.CouponRejection;
import dev.loyalty.domain.coupon.CouponRestored;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponUse;
import dev.loyalty.domain.coupon.MinimumSpendPolicy;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.tier.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the console's "why did coupon C not apply for customer X at time T": the coupon as it
 * was then (its status rebuilt from its recorded history), every rule a till applies judged on
 * its own rather than stopping at the first, and what happened to the coupon. Counts (the
 * customer's uses of the template, the template's cap, the customer's tier) are as of now; rules
 * that depend on the basket are judged only when its amount is given. A coupon with figures of its
 * own (a personal offer's value, minimum spend and category) is judged by them, not its template's.
 */
@ApplicationScoped
public class CouponExplainer implements ExplainCouponQuery {

    private static final CouponEligibility ELIGIBILITY = new CouponEligibility();

    private final Coupons coupons;
    private final CouponTemplates templates;
    private final DomainEventHistory history;
    private final TierMovements tiers;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected CouponExplainer() {
        this(null, null, null, null, null);
    }

    @Inject
    public CouponExplainer(
            Coupons coupons, CouponTemplates templates, DomainEventHistory history, TierMovements tiers, Clock clock) {
        this.coupons = coupons;
        this.templates = templates;
        this.history = history;
        this.tiers = tiers;
        this.clock = clock;
    }

    /**
     * @param code the coupon
     * @param customer who presented it, or empty for an anonymous basket
     * @param at when
     * @param channel where
     * @param basket the eligible basket (in the programme's currency; zero when not known)
     * @param basketKnown whether the basket was given: the rules that depend on it are judged only then
     * @return every rule's verdict and the coupon's history
     */
    @Override
    public CouponExplanation explain(
            CouponCode code,
            Optional<CustomerId> customer,
            Instant at,
            SalesChannel channel,
            Money basket,
            boolean basketKnown,
            Actor actor) {
        actor.requireAdmin("explanations are the console's");
        Coupon now = coupons.byCode(code).orElseThrow(() -> new CouponNotFoundException(code));
        CouponTemplate stored = templates
                .byId(now.templateId())
                .orElseThrow(() -> new CouponTemplateNotFoundException(now.templateId()));
        // a personal offer's coupon is judged by its own figures, as the till judges it
        CouponTemplate template = now.ownFigures()
                .map(figures -> stored.personalisedBy(figures, basket.currency()))
                .orElse(stored);
        List<CouponExplanation.Event> events = history.of(code.value(), 100).stream()
                .map(e -> new CouponExplanation.Event(e.type(), e.occurredAt()))
                .toList();
        CouponStatus then = statusAt(events, at);
        Coupon rebuilt = Coupon.reconstitute(
                now.code(), now.templateId(), now.owner().orElse(null), then, now.validFrom(), now.validUntil());
        Coupon asThen = now.ownFigures().map(rebuilt::withOwnFigures).orElse(rebuilt);
        CouponUse use = new CouponUse(
                asThen,
                template,
                customer.orElse(null),
                channel,
                at,
                basket,
                customer.map(c -> coupons.redeemedCount(template.id(), c)).orElse(0L),
                coupons.redeemedCount(template.id()),
                customer.flatMap(c -> tiers.inForce(c, clock.instant()))
                        .map(Tier::name)
                        .orElse(null));
        List<CouponExplanation.Check> checks = new ArrayList<>();
        boolean applicable = true;
        for (CouponPolicy policy : ELIGIBILITY.policies()) {
            String rule = policy.getClass().getSimpleName().replace("Policy", "");
            boolean basketBound = policy instanceof MinimumSpendPolicy || policy instanceof CategoryPolicy;
            if (basketBound && !basketKnown) {
                checks.add(new CouponExplanation.Check(
                        rule, "NOT_JUDGED", null, "depends on the basket; give its amount"));
                continue;
            }
            Optional<CouponRejection> rejection = policy.check(use);
            if (rejection.isPresent()) {
                applicable = false;
                String detail = rejection.get().detail();
                if (policy instanceof AlreadyRedeemedPolicy) {
                    detail = detail + lastRedemption(events, at);
                }
                checks.add(new CouponExplanation.Check(
                        rule, "NOT_MET", rejection.get().code(), detail));
            } else {
                checks.add(new CouponExplanation.Check(rule, "MET", null, null));
            }
        }
        return new CouponExplanation(code.value(), template.name(), now.status(), then, at, applicable, checks, events);
    }

    /** The status at an instant: ISSUED, then each recorded change up to that instant. */
    static CouponStatus statusAt(List<CouponExplanation.Event> events, Instant at) {
        CouponStatus status = CouponStatus.ISSUED;
        for (CouponExplanation.Event event : events) {
            if (event.at().isAfter(at)) {
                break;
            }
            status = switch (event.type()) {
                case CouponRedeemed.TYPE -> CouponStatus.REDEEMED;
                case CouponRestored.TYPE -> CouponStatus.ISSUED;
                case CouponExpired.TYPE -> CouponStatus.EXPIRED;
                default -> status;
            };
        }
        return status;
    }

    private static String lastRedemption(List<CouponExplanation.Event> events, Instant at) {
        return events.stream()
                .filter(e -> e.type().equals(CouponRedeemed.TYPE) && !e.at().isAfter(at))
                .reduce((a, b) -> b)
                .map(e -> " (redeemed at " + e.at() + ")")
                .orElse("");
    }
}
