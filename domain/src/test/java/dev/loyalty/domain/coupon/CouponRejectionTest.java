package dev.loyalty.domain.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.DomainException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CouponRejectionTest {

    @Test
    void aRejectionHasAKebabCaseCodeAndADetail() {
        assertThatThrownBy(() -> new CouponRejection("Coupon_Expired", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CouponRejection("coupon-expired", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CouponRejection(null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theExceptionCarriesTheRejectionAndItsCode() {
        CouponCode code = CouponCode.generate(new SplittableRandom(3));
        CouponRejection rejection =
                new CouponRejection("coupon-min-spend-not-met", "basket 42.00 EUR is below the 50.00 EUR minimum");
        CouponRejectedException failure = new CouponRejectedException(code, rejection);
        assertThat(failure).isInstanceOf(DomainException.class);
        assertThat(failure.code()).isEqualTo("coupon-min-spend-not-met");
        assertThat(failure.getMessage()).isEqualTo("basket 42.00 EUR is below the 50.00 EUR minimum");
        assertThat(failure.rejection()).isEqualTo(rejection);
        assertThat(failure.couponCode()).isEqualTo(code);
    }
}
