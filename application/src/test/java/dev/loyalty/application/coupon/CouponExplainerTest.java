package dev.loyalty.application.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.coupon.CouponStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CouponExplainerTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static CouponExplanation.Event event(String type, long minutes) {
        return new CouponExplanation.Event(type, T0.plusSeconds(60 * minutes));
    }

    @Test
    void theStatusAtAnInstantFollowsTheHistoryUpToThatInstantOnly() {
        List<CouponExplanation.Event> history =
                List.of(event("COUPON_REDEEMED", 10), event("COUPON_RESTORED", 20), event("COUPON_REDEEMED", 30));

        assertThat(CouponExplainer.statusAt(history, T0.plusSeconds(60 * 5))).isEqualTo(CouponStatus.ISSUED);
        assertThat(CouponExplainer.statusAt(history, T0.plusSeconds(60 * 10))).isEqualTo(CouponStatus.REDEEMED);
        assertThat(CouponExplainer.statusAt(history, T0.plusSeconds(60 * 25))).isEqualTo(CouponStatus.ISSUED);
        assertThat(CouponExplainer.statusAt(history, T0.plusSeconds(60 * 40))).isEqualTo(CouponStatus.REDEEMED);
    }

    @Test
    void anExpiredCouponStaysExpiredAndUnknownEventsChangeNothing() {
        List<CouponExplanation.Event> history = List.of(event("SOMETHING_ELSE", 1), event("COUPON_EXPIRED", 2));

        assertThat(CouponExplainer.statusAt(history, T0.plusSeconds(90))).isEqualTo(CouponStatus.ISSUED);
        assertThat(CouponExplainer.statusAt(history, T0.plusSeconds(600))).isEqualTo(CouponStatus.EXPIRED);
    }
}
