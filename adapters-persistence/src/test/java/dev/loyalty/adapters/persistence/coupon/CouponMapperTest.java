package dev.loyalty.adapters.persistence.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Money;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Currency;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping between coupon templates, coupons and their rows, without a database. */
class CouponMapperTest {

    private static final Instant AT = Instant.parse("2026-03-10T09:00:00.123456Z");
    private static final Currency CHF = Currency.getInstance("CHF");

    @Test
    void anAmountOffTemplateSurvivesTheRoundTripThroughItsRow() {
        CouponTemplate template = CouponTemplate.define(
                        CouponTemplateId.newId(),
                        "Newsletter welcome",
                        new Discount.AmountOff(Money.of(500, "EUR")),
                        Money.of(2_000, "EUR"),
                        Set.of(SalesChannel.STORE, SalesChannel.ONLINE),
                        AT,
                        AT.plusSeconds(86_400 * 60),
                        30,
                        1,
                        Set.of("grocery", "bakery"),
                        1_000L)
                .withTiers(Set.of("Silver", "Gold"));

        CouponTemplateJpaEntity row = CouponMapper.toRow(template, CHF, AT);

        assertThat(CouponMapper.toDomain(row)).usingRecursiveComparison().isEqualTo(template);
        assertThat(row.currency).as("an amount's own currency").isEqualTo("EUR");
    }

    @Test
    void aPercentOffTemplateWithoutMinimumRecordsTheProgrammeCurrency() {
        CouponTemplate template = CouponTemplate.define(
                CouponTemplateId.newId(),
                "Ten percent",
                new Discount.PercentOff(10),
                null,
                Set.of(SalesChannel.STORE),
                null,
                null,
                14,
                null,
                Set.of(),
                null);

        CouponTemplateJpaEntity row = CouponMapper.toRow(template, CHF, AT);

        assertThat(row.currency).isEqualTo("CHF");
        assertThat(CouponMapper.toDomain(row)).usingRecursiveComparison().isEqualTo(template);
    }

    @Test
    void aCouponSurvivesTheRoundTripThroughItsRow() {
        CouponCode code = CouponCode.generate(new SecureRandom());
        Coupon redeemed = Coupon.reconstitute(
                code,
                CouponTemplateId.newId(),
                CustomerId.newId(),
                CouponStatus.REDEEMED,
                AT,
                AT.plusSeconds(86_400),
                "purchase:42");
        Coupon bearer = Coupon.reconstitute(
                CouponCode.generate(new SecureRandom()),
                CouponTemplateId.newId(),
                null,
                CouponStatus.ISSUED,
                AT,
                AT.plusSeconds(86_400));

        assertThat(CouponMapper.toDomain(CouponMapper.toRow(redeemed, AT)))
                .usingRecursiveComparison()
                .isEqualTo(redeemed);
        assertThat(CouponMapper.toDomain(CouponMapper.toRow(bearer, AT)))
                .usingRecursiveComparison()
                .isEqualTo(bearer);
    }
}
