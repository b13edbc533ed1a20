package dev.loyalty.adapters.persistence.campaign;

import static dev.loyalty.adapters.persistence.TestDatabase.sql;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.coupon.JpaCouponTemplates;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.shared.Money;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the campaign runs' tests store before a run: the template they offer, the frozen audience. */
final class RunFixtures {

    private RunFixtures() {}

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

    /** A frozen audience of these customer ids (a snapshot of no segment), its id. */
    static String snapshot(List<String> customers) {
        String snapshot = UUID.randomUUID().toString();
        sql(
                "INSERT INTO segment_snapshot (id, segment_id, taken_at, members, definition) VALUES (?, NULL,"
                        + " '2026-03-02', ?, '{}')",
                snapshot,
                customers.size());
        for (String customer : customers) {
            sql("INSERT INTO segment_snapshot_member (snapshot_id, customer_id) VALUES (?, ?)", snapshot, customer);
        }
        return snapshot;
    }
}
