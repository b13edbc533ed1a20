package dev.loyalty.domain.coupon;

import static dev.loyalty.domain.coupon.CouponFixtures.aCouponUse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TierPolicyTest {

    private final TierPolicy policy = new TierPolicy();

    @Test
    void aTemplateWithoutTiersIsForEveryoneEvenWithoutProgramme() {
        assertThat(policy.check(aCouponUse().inTier(null).build())).isEmpty();
        assertThat(policy.check(aCouponUse().inTier("Bronze").build())).isEmpty();
    }

    @Test
    void aTierOnlyCouponIsForItsTiersRegardlessOfCase() {
        assertThat(policy.check(
                        aCouponUse().forTiers("Gold", "Platinum").inTier("gold").build()))
                .isEmpty();
        assertThat(policy.check(aCouponUse().forTiers("Gold").inTier("Silver").build()))
                .contains(new CouponRejection(
                        "coupon-tier-not-eligible", "the coupon is for Gold customers; this customer is Silver"));
    }

    @Test
    void aTierOnlyCouponIsRefusedWithoutTier() {
        assertThat(policy.check(aCouponUse()
                        .forTiers("Gold")
                        .inTier(null)
                        .ownedBy(null)
                        .by(null)
                        .build()))
                .map(CouponRejection::code)
                .contains("coupon-tier-not-eligible");
    }

    @Test
    void aTemplatesTiersAreTrimmedAndNeverBlank() {
        CouponTemplate template = aCouponUse().template().withTiers(Set.of(" Gold "));

        assertThat(template.tiers()).containsExactly("Gold");
        assertThatThrownBy(() -> aCouponUse().template().withTiers(Set.of(" ")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("tiers"));
    }
}
