package dev.loyalty.domain.coupon;

import static dev.loyalty.domain.coupon.CouponFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelPolicyTest {

    private final ChannelPolicy policy = new ChannelPolicy();

    @Test
    void aCouponIsUsedInItsTemplatesChannels() {
        assertThat(policy.check(aCouponUse()
                        .validIn(SalesChannel.STORE)
                        .inChannel(SalesChannel.STORE)
                        .build()))
                .isEmpty();
        assertThat(policy.check(aCouponUse()
                        .validIn(SalesChannel.ONLINE, SalesChannel.STORE)
                        .inChannel(SalesChannel.ONLINE)
                        .build()))
                .isEmpty();
    }

    @Test
    void anotherChannelIsRefusedNamingTheChannelAndTheAllowedOnes() {
        assertThat(policy.check(aCouponUse()
                        .validIn(SalesChannel.STORE)
                        .inChannel(SalesChannel.ONLINE)
                        .build()))
                .contains(new CouponRejection(
                        "coupon-not-valid-in-channel", "the coupon is not valid ONLINE; only STORE"));
    }
}
