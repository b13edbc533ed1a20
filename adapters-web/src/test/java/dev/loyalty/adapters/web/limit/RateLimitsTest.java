package dev.loyalty.adapters.web.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final MovingClock clock = new MovingClock();
    private final RateLimits limits =
            new RateLimits(new LimitSettings(Duration.ofSeconds(60), 3, 5, 2, 3, 2, 3, Duration.ofSeconds(600)), clock);
    private final Actor till1 = Actor.terminal("till-1", "MI-001");
    private final Actor till2 = Actor.terminal("till-2", "MI-001");

    @Test
    void aTokenGetsItsLimitPerWindowThenWaitsForTheWindowsEnd() {
        for (int i = 0; i < 3; i++) {
            limits.lookup(till1);
        }
        clock.advance(Duration.ofSeconds(20));

        assertThatThrownBy(() -> limits.lookup(till1)).isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
            assertThat(e.code()).isEqualTo("rate-limited");
            assertThat(e.retryAfterSeconds()).isEqualTo(40);
        });
        clock.advance(Duration.ofSeconds(40));
        limits.lookup(till1);
    }

    @Test
    void aStoresTerminalsShareTheStoresLimit() {
        for (int i = 0; i < 3; i++) {
            limits.lookup(till1);
        }
        limits.lookup(till2);
        limits.lookup(till2);

        assertThatThrownBy(() -> limits.lookup(till2)).isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> limits.lookup(Actor.terminal("till-3", "MI-001")))
                .isInstanceOf(TooManyRequestsException.class);
        limits.lookup(Actor.terminal("till-9", "RM-001"));
    }

    @Test
    void quotesCountApartFromLookupsAndTheConsoleIsNotLimited() {
        limits.lookup(till1);
        limits.quote(till1, "MI-001", false);
        limits.quote(till1, "MI-001", false);

        assertThatThrownBy(() -> limits.quote(till1, "MI-001", false)).isInstanceOf(TooManyRequestsException.class);
        for (int i = 0; i < 100; i++) {
            limits.lookup(Actor.admin("console"));
            limits.quote(Actor.admin("console"), "MI-001", true);
        }
    }

    @Test
    void theAppPostsItsLimitOfEventsPerCustomer() {
        Actor marco = Actor.customer(CustomerId.newId());
        limits.appEvent(marco);
        limits.appEvent(marco);

        assertThatThrownBy(() -> limits.appEvent(marco)).isInstanceOf(TooManyRequestsException.class);
        limits.appEvent(Actor.customer(CustomerId.newId()));
        limits.appEvent(Actor.integration("website"));
        limits.appEvent(Actor.integration("website"));
        limits.appEvent(Actor.integration("website"));
    }

    @Test
    void invalidCouponCodesLockTheTerminalOutOfCouponsForTheLockOut() {
        limits.invalidCoupons(till1, 2);
        limits.couponsAllowed(till1);
        limits.invalidCoupons(till1, 1);

        assertThatThrownBy(() -> limits.couponsAllowed(till1))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.code()).isEqualTo("coupon-lockout");
                    assertThat(e.retryAfterSeconds()).isEqualTo(600);
                });
        assertThatThrownBy(() -> limits.quote(till1, "MI-001", true)).isInstanceOf(TooManyRequestsException.class);
        limits.quote(till1, "MI-001", false);
        limits.couponsAllowed(till2);
        clock.advance(Duration.ofSeconds(600));
        limits.couponsAllowed(till1);
    }

    @Test
    void aSettingThatCannotWorkIsRefusedNamingIt() {
        assertThatThrownBy(() -> new LimitSettings(Duration.ofSeconds(60), 0, 5, 2, 3, 2, 3, Duration.ofSeconds(600)))
                .hasMessageStartingWith("LOYALTY_LIMITS_LOOKUP_PER_TOKEN (loyalty.limits.lookup.per-token) must be");
        assertThatThrownBy(() -> new LimitSettings(Duration.ZERO, 1, 5, 2, 3, 2, 3, Duration.ofSeconds(600)))
                .hasMessageContaining("LOYALTY_LIMITS_WINDOW_SECONDS");
        assertThatThrownBy(() -> new LimitSettings(Duration.ofSeconds(60), 9, 5, 2, 3, 2, 3, Duration.ofSeconds(600)))
                .hasMessageContaining("per-token");
    }

    @Test
    void anApplicableCouponIsNoInvalidCode() {
        assertThat(RateLimits.isInvalidCoupon(null)).isFalse();
        assertThat(RateLimits.isInvalidCoupon("coupon-min-spend-not-met")).isFalse();
        assertThat(RateLimits.isInvalidCoupon("coupon-code-invalid")).isTrue();
        assertThat(RateLimits.isInvalidCoupon("coupon-not-found")).isTrue();
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
