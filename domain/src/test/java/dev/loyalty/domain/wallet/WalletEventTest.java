package dev.loyalty.domain.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalletEventTest {

    private static final CustomerId ELENA = CustomerId.newId();
    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Points TEN = Points.of(10);

    @Test
    void eachEventHasAStableTypeAndNamesTheCustomer() {
        List<WalletEvent> events = List.of(
                new PointsEarned(ELENA, 1, TEN, "purchase", "P1", null, TEN, NOW),
                new PointsBurned(ELENA, 2, TEN, "reward claim", null, Points.ZERO, NOW),
                new PointsExpired(ELENA, 3, TEN, Points.ZERO, NOW),
                new PointsReversed(ELENA, 4, "P1", Points.ZERO, TEN, "refund", Points.ZERO, NOW),
                new PointsAdjusted(ELENA, 5, 10, "goodwill", null, TEN, NOW));

        assertThat(events)
                .extracting(WalletEvent::type)
                .containsExactly(
                        "POINTS_EARNED", "POINTS_BURNED", "POINTS_EXPIRED", "POINTS_REVERSED", "POINTS_ADJUSTED");
        assertThat(events).extracting(WalletEvent::aggregateId).containsOnly(ELENA.toString());
        assertThat(events).extracting(WalletEvent::occurredAt).containsOnly(NOW);
    }

    @Test
    void requiredComponentsArePresent() {
        assertThatThrownBy(() -> new PointsExpired(null, 3, TEN, Points.ZERO, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PointsReversed(ELENA, 4, "P1", TEN, null, "refund", Points.ZERO, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PointsAdjusted(ELENA, 5, 10, "goodwill", null, TEN, null))
                .isInstanceOf(NullPointerException.class);
    }
}
