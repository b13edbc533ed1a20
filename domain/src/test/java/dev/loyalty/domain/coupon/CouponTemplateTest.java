package dev.loyalty.domain.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.coupon.Discount.AmountOff;
import dev.loyalty.domain.coupon.Discount.PercentOff;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CouponTemplateTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant JUNE = Instant.parse("2025-06-01T00:00:00Z");
    private static final Set<SalesChannel> STORE = Set.of(SalesChannel.STORE);
    private static final CouponCode CODE = CouponCode.generate(new SplittableRandom(1));

    private static CouponTemplate template(Instant from, Instant until, Integer days) {
        return CouponTemplate.define(
                CouponTemplateId.newId(),
                " Newsletter ",
                new PercentOff(10),
                Money.of(5000, "EUR"),
                STORE,
                from,
                until,
                days,
                1,
                Set.of(" wine "),
                1000L);
    }

    @Test
    void keepsItsTerms() {
        CouponTemplate template = template(null, JUNE, null);
        assertThat(template.name()).isEqualTo("Newsletter");
        assertThat(template.discount()).isEqualTo(new PercentOff(10));
        assertThat(template.minSpend()).contains(Money.of(5000, "EUR"));
        assertThat(template.channels()).containsExactly(SalesChannel.STORE);
        assertThat(template.categories()).containsExactly("wine");
        assertThat(template.perCustomerLimit()).contains(1);
        assertThat(template.maxRedemptions()).contains(1000L);
        assertThat(template.validFrom()).isEmpty();
        assertThat(template.validUntil()).contains(JUNE);
        assertThat(template.validDays()).isEmpty();
        assertThat(template.appliesTo(new BasketLine("S1", "wine", 1, Money.of(1, "EUR"))))
                .isTrue();
        assertThat(template.appliesTo(new BasketLine("S2", "food", 1, Money.of(1, "EUR"))))
                .isFalse();
    }

    @Test
    void aPersonalCouponGetsTheEarlierOfTheWindowEndAndTheDaysAfterIssue() {
        CustomerId marco = CustomerId.newId();
        Coupon thirtyDays = template(null, JUNE, 30).issue(CODE, marco, NOW);
        assertThat(thirtyDays.validFrom()).isEqualTo(NOW);
        assertThat(thirtyDays.validUntil()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(thirtyDays.owner()).contains(marco);
        assertThat(thirtyDays.status()).isEqualTo(CouponStatus.ISSUED);

        Coupon windowEnd = template(null, JUNE, 365).issue(CODE, marco, NOW);
        assertThat(windowEnd.validUntil()).isEqualTo(JUNE);
    }

    @Test
    void aBearerCouponOfAFutureWindowStartsWithTheWindow() {
        Instant april = Instant.parse("2025-04-01T00:00:00Z");
        Coupon coupon = template(april, JUNE, null).issue(CODE, null, NOW);
        assertThat(coupon.owner()).isEmpty();
        assertThat(coupon.validFrom()).isEqualTo(april);
        assertThat(coupon.validUntil()).isEqualTo(JUNE);
    }

    @Test
    void aTemplateWhoseWindowEndedIssuesNothing() {
        assertThatThrownBy(() -> template(null, NOW, null).issue(CODE, null, NOW))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void rejectsBrokenTerms() {
        CouponTemplateId id = CouponTemplateId.newId();
        AmountOff off = new AmountOff(Money.of(500, "EUR"));
        assertThatThrownBy(
                        () -> CouponTemplate.define(id, "x", off, null, Set.of(), null, JUNE, null, null, null, null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("channels"));
        assertThatThrownBy(() -> CouponTemplate.define(id, "x", off, null, STORE, null, null, null, null, null, null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("validUntil"));
        assertThatThrownBy(() -> CouponTemplate.define(id, "x", off, null, STORE, JUNE, NOW, null, null, null, null))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CouponTemplate.define(id, "x", off, null, STORE, null, null, 0, null, null, null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("validDays"));
        assertThatThrownBy(() -> CouponTemplate.define(id, " ", off, null, STORE, null, JUNE, null, null, null, null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> CouponTemplate.define(id, "x", null, null, STORE, null, JUNE, null, null, null, null))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CouponTemplate.define(
                        id, "x", off, Money.of(0, "EUR"), STORE, null, JUNE, null, null, null, null))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CouponTemplate.define(id, "x", off, null, STORE, null, JUNE, null, 0, null, null))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() ->
                        CouponTemplate.define(id, "x", off, null, STORE, null, JUNE, null, null, Set.of(" "), null))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CouponTemplate.define(id, "x", off, null, STORE, null, JUNE, null, null, null, 0L))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void identities() {
        CouponTemplate template = template(null, JUNE, null);
        assertThat(template).isEqualTo(template).isNotEqualTo(template(null, JUNE, null));
        assertThat(template.toString()).contains(template.id().toString());
        assertThatThrownBy(() -> new CouponTemplateId(null)).isInstanceOf(InvalidValueException.class);
        Coupon coupon = Coupon.reconstitute(CODE, template.id(), null, CouponStatus.REDEEMED, NOW, JUNE);
        assertThat(coupon).isEqualTo(Coupon.reconstitute(CODE, template.id(), null, CouponStatus.ISSUED, NOW, JUNE));
        assertThat(coupon.templateId()).isEqualTo(template.id());
        assertThat(coupon.code()).isEqualTo(CODE);
        assertThat(coupon.toString()).contains("REDEEMED");
        assertThatThrownBy(() -> Coupon.reconstitute(CODE, template.id(), null, CouponStatus.ISSUED, JUNE, NOW))
                .isInstanceOf(InvalidValueException.class);
    }
}
