package dev.loyalty.domain.coupon;

import static dev.loyalty.domain.coupon.CouponFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CouponValidityPolicyTest {

    private final CouponValidityPolicy policy = new CouponValidityPolicy();

    @Test
    void theWindowIncludesItsStartAndExcludesItsEnd() {
        assertThat(policy.check(aCouponUse().at(VALID_FROM).build())).isEmpty();
        assertThat(policy.check(aCouponUse().at(VALID_UNTIL.minusMillis(1)).build()))
                .isEmpty();
        assertThat(policy.check(aCouponUse().at(VALID_UNTIL).build()))
                .contains(new CouponRejection("coupon-expired", "the coupon expired at 2025-06-01T00:00:00Z"));
        assertThat(policy.check(aCouponUse().at(VALID_FROM.minusSeconds(1)).build()))
                .contains(new CouponRejection("coupon-not-yet-valid", "the coupon is valid from 2025-03-01T00:00:00Z"));
    }

    @Test
    void aVoidOrExpiredStatusRefusesEvenInsideTheWindow() {
        assertThat(policy.check(aCouponUse().inStatus(CouponStatus.VOID).build()))
                .map(CouponRejection::code)
                .contains("coupon-void");
        assertThat(policy.check(aCouponUse().inStatus(CouponStatus.EXPIRED).build()))
                .map(CouponRejection::code)
                .contains("coupon-expired");
        assertThat(policy.check(aCouponUse()
                        .inStatus(CouponStatus.VOID)
                        .at(Instant.parse("2030-01-01T00:00:00Z"))
                        .build()))
                .map(CouponRejection::code)
                .contains("coupon-void");
    }
}
