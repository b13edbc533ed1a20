package dev.loyalty.adapters.persistence.campaign;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.coupon.JpaCouponTemplates;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.shared.Money;
import java.util.Set;

/** The coupon template the campaign runs' tests offer, stored. */
final class StoredTemplates {

    private StoredTemplates() {}

    /** 3 EUR off in store, valid 30 days from issue, stored in a transaction of its own. */
    static CouponTemplate threeEurosOff(String name) {
        CouponTemplate template = CouponTemplate.define(
                CouponTemplateId.newId(),
                name,
                new Discount.AmountOff(Money.of(300, "EUR")),
                null,
                Set.of(SalesChannel.STORE),
                null,
                null,
                30,
                null,
                Set.of(),
                null);
        TestDatabase.inTransaction(em -> {
            new JpaCouponTemplates(em, TestDatabase.CLOCK, TestDatabase.CURRENCY).add(template);
            return null;
        });
        return template;
    }
}
