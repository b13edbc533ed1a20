package dev.loyalty.application.coupon;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.Role;
import dev.loyalty.application.tier.TierNames;
import dev.loyalty.application.tier.TierProgrammes;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Templates and issuing. Codes are drawn from a secure random source (a guessable code would be a
 * free discount); only an administrator defines templates and issues by hand; a customer lists
 * only their own coupons.
 */
@ApplicationScoped
public class CouponService
        implements DefineCouponTemplateUseCase, IssueCouponsUseCase, MyCouponsQuery, CouponTemplateCatalogue {

    /** What a caller other than an administrator is told. */
    private static final String ADMIN_ONLY =
            "only an administrator manages coupon templates and issues coupons by hand";

    private final CouponTemplates templates;
    private final Coupons coupons;
    private final Customers customers;
    private final TierProgrammes tiers;
    private final Clock clock;
    private final RandomGenerator random;

    /** For CDI's proxy only. */
    protected CouponService() {
        this(null, null, null, null, null, null);
    }

    @Inject
    public CouponService(
            CouponTemplates templates, Coupons coupons, Customers customers, TierProgrammes tiers, Clock clock) {
        this(templates, coupons, customers, tiers, clock, new SecureRandom());
    }

    CouponService(
            CouponTemplates templates,
            Coupons coupons,
            Customers customers,
            TierProgrammes tiers,
            Clock clock,
            RandomGenerator random) {
        this.templates = templates;
        this.coupons = coupons;
        this.customers = customers;
        this.tiers = tiers;
        this.clock = clock;
        this.random = random;
    }

    @Override
    @Transactional
    public CouponTemplateId define(CouponTemplate definition, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        TierNames.requireKnown(tiers, definition.tiers());
        templates.add(definition);
        return definition.id();
    }

    @Override
    @Transactional
    public List<CouponTemplate> templates(Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return templates.all();
    }

    @Override
    @Transactional
    public Coupon issueTo(CouponTemplateId templateId, CustomerId customerId, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        CouponTemplate template = template(templateId);
        if (customers.byId(customerId).isEmpty()) {
            throw new CustomerNotFoundException(customerId);
        }
        Coupon coupon = template.issue(CouponCode.generate(random), customerId, clock.instant());
        coupons.addAll(List.of(coupon));
        return coupon;
    }

    @Override
    @Transactional
    public List<Coupon> issueBearer(CouponTemplateId templateId, int count, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        if (count < 1 || count > MAX_BEARER_BATCH) {
            throw new InvalidValueException("count", "count must be between 1 and " + MAX_BEARER_BATCH);
        }
        CouponTemplate template = template(templateId);
        Set<CouponCode> codes = new LinkedHashSet<>();
        while (codes.size() < count) {
            codes.add(CouponCode.generate(random));
        }
        Instant now = clock.instant();
        List<Coupon> issued = new ArrayList<>(count);
        for (CouponCode code : codes) {
            issued.add(template.issue(code, null, now));
        }
        coupons.addAll(issued);
        return issued;
    }

    @Override
    public List<HeldCoupon> couponsOf(CustomerId customerId, Actor actor) {
        if (actor.role() == Role.CUSTOMER && !actor.subject().equals(customerId.toString())) {
            throw new CustomerNotFoundException(customerId);
        }
        Map<CouponTemplateId, CouponTemplate> seen = new HashMap<>();
        return coupons.ofCustomer(customerId).stream()
                .map(coupon -> new HeldCoupon(coupon, seen.computeIfAbsent(coupon.templateId(), this::template)))
                .toList();
    }

    private CouponTemplate template(CouponTemplateId id) {
        return templates.byId(id).orElseThrow(() -> new CouponTemplateNotFoundException(id));
    }
}
