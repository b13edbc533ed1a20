package dev.loyalty.application.coupon;

import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Coupon templates in memory, with their redemption counters, for use-case tests. */
public final class InMemoryCouponTemplates implements CouponTemplates {

    private final Map<CouponTemplateId, CouponTemplate> templates = new HashMap<>();
    private final Map<CouponTemplateId, Long> redemptions = new HashMap<>();

    @Override
    public synchronized void add(CouponTemplate template) {
        templates.put(template.id(), template);
        redemptions.put(template.id(), 0L);
    }

    @Override
    public synchronized Optional<CouponTemplate> byId(CouponTemplateId id) {
        return Optional.ofNullable(templates.get(id));
    }

    @Override
    public synchronized List<CouponTemplate> all() {
        return new ArrayList<>(templates.values());
    }

    @Override
    public synchronized long lockRedemptions(CouponTemplateId id) {
        if (!templates.containsKey(id)) {
            throw new CouponTemplateNotFoundException(id);
        }
        return redemptions.get(id);
    }

    @Override
    public synchronized void addRedemptions(CouponTemplateId id, long delta) {
        redemptions.merge(id, delta, Long::sum);
    }

    /** @return the template's redemption counter */
    public synchronized long redemptions(CouponTemplateId id) {
        return redemptions.getOrDefault(id, 0L);
    }
}
