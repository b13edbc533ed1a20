package dev.loyalty.domain.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PointsHoldTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant POST_AT = NOW.plusSeconds(14 * 86_400);

    private final PointsHold held = PointsHold.of(PurchaseId.newId(), CustomerId.newId(), Points.of(60), POST_AT, NOW);

    @Test
    void aNewHoldIsPendingAndDueAtItsPostAt() {
        assertThat(held.isPending()).isTrue();
        assertThat(held.pending()).isEqualTo(60);
        assertThat(held.isDueAt(POST_AT.minusMillis(1))).isFalse();
        assertThat(held.isDueAt(POST_AT)).isTrue();
    }

    @Test
    void postingCreditsWhatIsPendingOnceAndThenRefuses() {
        PointsHold posted = held.post();

        assertThat(posted.status()).isEqualTo(PointsHold.Status.POSTED);
        assertThat(posted.pending()).isZero();
        assertThat(posted.isDueAt(POST_AT)).isFalse();
        assertThatThrownBy(posted::post).isInstanceOf(PointsAlreadyPostedException.class);
        assertThatThrownBy(() -> posted.voidPart(Points.of(1), true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRefundVoidsItsShareAndAWholeReversalVoidsTheRest() {
        PointsHold partly = held.voidPart(Points.of(25), false);
        PointsHold voided = partly.voidPart(Points.of(1), true);

        assertThat(partly.status()).isEqualTo(PointsHold.Status.PENDING);
        assertThat(partly.pending()).isEqualTo(35);
        assertThat(voided.status()).isEqualTo(PointsHold.Status.VOIDED);
        assertThat(voided.pending()).isZero();
        assertThatThrownBy(voided::post).isInstanceOf(PurchaseCancelledException.class);
        assertThat(new PurchaseCancelledException(held.purchaseId()).code()).isEqualTo("purchase-cancelled");
        assertThat(new PointsAlreadyPostedException(held.purchaseId()).code()).isEqualTo("points-already-posted");
    }

    @Test
    void aRefundOfEverythingPendingVoidsTheHoldEvenBeforeTheLastUnit() {
        assertThat(held.voidPart(Points.of(60), false).status()).isEqualTo(PointsHold.Status.VOIDED);
        assertThat(held.voidPart(Points.of(80), false).status()).isEqualTo(PointsHold.Status.VOIDED);
    }

    @Test
    void aHoldOfNoPointsOrInconsistentFiguresIsRefused() {
        assertThatThrownBy(() -> PointsHold.of(PurchaseId.newId(), CustomerId.newId(), Points.ZERO, POST_AT, NOW))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new PointsHold(
                        PurchaseId.newId(), CustomerId.newId(), 10, 11, PointsHold.Status.PENDING, POST_AT, NOW))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new PointsHold(
                        PurchaseId.newId(), CustomerId.newId(), 10, 5, PointsHold.Status.POSTED, POST_AT, NOW))
                .isInstanceOf(InvalidValueException.class);
    }
}
