package dev.loyalty.domain.purchase;

import static dev.loyalty.domain.earning.EarningFixtures.eur;
import static dev.loyalty.domain.earning.EarningFixtures.line;
import static dev.loyalty.domain.earning.EarningFixtures.onePointPerEuro;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.earning.EarnedPoints;
import dev.loyalty.domain.earning.EarningPolicy;
import dev.loyalty.domain.earning.PricedLine;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurchaseTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final CustomerId CUSTOMER = CustomerId.newId();

    /** 3 x 10.00 food, 1 x 7.99 drink (1.99 off), 2 x 0.50 bag: earns 30 + 6 + 1 = 37.00 exactly. */
    private static EarnedPoints basket() {
        return new EarningPolicy()
                .pointsFor(
                        onePointPerEuro(),
                        List.of(
                                PricedLine.undiscounted(line("food", 3, 1000)),
                                new PricedLine(line("drink", 1, 799), eur(199)),
                                PricedLine.undiscounted(line("bag", 2, 50))));
    }

    private static Purchase.Recorded record(CustomerId customer, Money totalPaid, List<RedeemedCoupon> coupons) {
        return Purchase.record(
                PurchaseId.newId(), " 42 ", "R-1", SalesChannel.STORE, AT, customer, basket(), coupons, totalPaid);
    }

    private static Purchase recorded() {
        return record(
                        CUSTOMER,
                        eur(3700),
                        List.of(new RedeemedCoupon(CouponCode.generate(new java.util.Random(7)), eur(199))))
                .purchase();
    }

    @Test
    void recording_numbers_the_lines_and_awards_the_points_of_the_net() {
        Purchase.Recorded recorded = record(CUSTOMER, eur(3700), List.of());

        Purchase purchase = recorded.purchase();
        assertThat(purchase.storeId()).isEqualTo("42");
        assertThat(purchase.lines()).extracting(PurchaseLine::number).containsExactly(1, 2, 3);
        assertThat(purchase.lines().get(1).net()).isEqualTo(eur(600));
        assertThat(purchase.pointsAwarded()).isEqualTo(Points.of(37));
        assertThat(recorded.event().net()).isEqualTo(eur(3700));
        assertThat(recorded.event().pointsAwarded()).isEqualTo(Points.of(37));
        assertThat(recorded.event().lines())
                .extracting(PurchaseRecorded.Line::category)
                .containsExactly("food", "drink", "bag");
    }

    @Test
    void an_anonymous_purchase_earns_nothing() {
        assertThat(record(null, eur(3700), List.of()).purchase().pointsAwarded())
                .isEqualTo(Points.ZERO);
    }

    @Test
    void a_till_discount_of_its_own_scales_the_points_down_to_what_was_paid() {
        // 37.00 of net, 18.50 paid: half the points
        assertThat(record(CUSTOMER, eur(1850), List.of()).purchase().pointsAwarded())
                .isEqualTo(Points.of(18));
    }

    @Test
    void paying_more_than_the_lines_or_a_negative_amount_is_refused() {
        assertThatThrownBy(() -> record(CUSTOMER, eur(3900), List.of()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("totalPaid"));
        assertThatThrownBy(() -> record(CUSTOMER, eur(-1), List.of())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> record(CUSTOMER, Money.of(100, "USD"), List.of()))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_whole_reversal_takes_back_everything_and_gives_the_coupons_back() {
        Purchase purchase = recorded();

        Purchase.Reversal reversal = purchase.reverse(List.of(), AT.plusSeconds(60));

        assertThat(reversal.points()).isEqualTo(Points.of(37));
        assertThat(reversal.amount()).isEqualTo(eur(3700));
        assertThat(reversal.complete()).isTrue();
        assertThat(reversal.couponsToRestore()).hasSize(1);
        assertThat(reversal.event().lines())
                .containsExactly(new LineReturn(1, 3), new LineReturn(2, 1), new LineReturn(3, 2));
        assertThat(purchase.isWhollyReversed()).isTrue();
    }

    @Test
    void voiding_again_changes_nothing() {
        Purchase purchase = recorded();
        purchase.reverse(List.of(), AT);

        Purchase.Reversal again = purchase.reverse(List.of(), AT);

        assertThat(again.points()).isEqualTo(Points.ZERO);
        assertThat(again.amount()).isEqualTo(eur(0));
        assertThat(again.happened()).isEmpty();
        assertThat(again.couponsToRestore()).isEmpty();
        assertThat(purchase.reversals()).isEqualTo(1);
    }

    @Test
    void partial_refunds_are_pro_rata_rounded_down_and_sum_to_the_whole() {
        Purchase purchase = recorded();

        Purchase.Reversal first = purchase.reverse(List.of(new LineReturn(1, 1)), AT);
        Purchase.Reversal second = purchase.reverse(List.of(new LineReturn(2, 1), new LineReturn(1, 1)), AT);
        Purchase.Reversal last = purchase.reverse(List.of(new LineReturn(1, 1), new LineReturn(3, 2)), AT);

        assertThat(first.points()).isEqualTo(Points.of(10));
        assertThat(first.amount()).isEqualTo(eur(1000));
        assertThat(first.couponsToRestore()).isEmpty();
        assertThat(second.points()).isEqualTo(Points.of(16));
        assertThat(second.amount()).isEqualTo(eur(1600));
        assertThat(last.points()).isEqualTo(Points.of(11));
        assertThat(last.complete()).isTrue();
        assertThat(last.couponsToRestore()).hasSize(1);
        assertThat(purchase.pointsReversed()).isEqualTo(purchase.pointsAwarded());
        assertThat(purchase.amountReversed()).isEqualTo(eur(3700));
        assertThat(last.event().sequence()).isEqualTo(3);
    }

    @Test
    void a_fraction_of_a_point_stays_with_the_customer_until_the_last_unit() {
        // 3 x 0.50 at one point per euro: 1.50 exact, 1 point awarded
        Purchase purchase = Purchase.record(
                        PurchaseId.newId(),
                        "42",
                        "R-2",
                        SalesChannel.STORE,
                        AT,
                        CUSTOMER,
                        new EarningPolicy()
                                .pointsFor(onePointPerEuro(), List.of(PricedLine.undiscounted(line("bag", 3, 50)))),
                        List.of(),
                        eur(150))
                .purchase();

        assertThat(purchase.reverse(List.of(new LineReturn(1, 1)), AT).points()).isEqualTo(Points.ZERO);
        assertThat(purchase.reverse(List.of(new LineReturn(1, 1)), AT).points()).isEqualTo(Points.ZERO);
        assertThat(purchase.reverse(List.of(new LineReturn(1, 1)), AT).points()).isEqualTo(Points.of(1));
    }

    @Test
    void giving_back_more_than_is_left_or_an_unknown_line_is_refused_and_changes_nothing() {
        Purchase purchase = recorded();
        purchase.reverse(List.of(new LineReturn(1, 2)), AT);

        assertThatThrownBy(() -> purchase.reverse(List.of(new LineReturn(1, 2)), AT))
                .isInstanceOf(ReversalExceedsPurchaseException.class)
                .hasMessageContaining("line 1 has 1 units left");
        assertThatThrownBy(() -> purchase.reverse(List.of(new LineReturn(1, 1), new LineReturn(1, 1)), AT))
                .isInstanceOf(ReversalExceedsPurchaseException.class);
        assertThatThrownBy(() -> purchase.reverse(List.of(new LineReturn(4, 1)), AT))
                .isInstanceOf(ReversalExceedsPurchaseException.class)
                .hasMessageContaining("no line 4");
        assertThat(purchase.lines().get(0).reversedQuantity()).isEqualTo(2);
        assertThat(purchase.reversals()).isEqualTo(1);
    }

    @Test
    void receipt_and_store_are_required_and_bounded() {
        assertThatThrownBy(() -> Purchase.record(
                        PurchaseId.newId(),
                        "42",
                        " ",
                        SalesChannel.STORE,
                        AT,
                        CUSTOMER,
                        basket(),
                        List.of(),
                        eur(3700)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("receiptId"));
        assertThatThrownBy(() -> Purchase.record(
                        PurchaseId.newId(),
                        "42",
                        "R".repeat(65),
                        SalesChannel.STORE,
                        AT,
                        CUSTOMER,
                        basket(),
                        List.of(),
                        eur(3700)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_purchase_id_that_is_not_a_uuid_is_a_purchase_not_found() {
        assertThatThrownBy(() -> PurchaseId.parse("nope")).isInstanceOf(PurchaseNotFoundException.class);
        PurchaseId id = PurchaseId.newId();
        assertThat(PurchaseId.parse(id.toString())).isEqualTo(id);
        assertThat(id.reference()).isEqualTo("purchase:" + id);
    }
}
