package dev.loyalty.adapters.persistence.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.earning.EarningPolicy;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.PricedLine;
import dev.loyalty.domain.purchase.LineReturn;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.purchase.PurchaseReversed;
import dev.loyalty.domain.purchase.RedeemedCoupon;
import dev.loyalty.domain.shared.Money;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping between a purchase (its lines, coupons and reversals) and its rows, without a database. */
class PurchaseMapperTest {

    private static final Instant AT = Instant.parse("2026-03-10T09:00:00.123456Z");

    private static Purchase aPurchase(List<RedeemedCoupon> coupons) {
        var earned = new EarningPolicy()
                .pointsFor(
                        EarningRules.flat(1, Currency.getInstance("EUR"), Instant.EPOCH),
                        List.of(
                                new PricedLine(
                                        new BasketLine("SKU-1", "grocery", 3, Money.of(1_000, "EUR")),
                                        Money.of(200, "EUR")),
                                PricedLine.undiscounted(new BasketLine("SKU-2", "bakery", 1, Money.of(250, "EUR")))));
        return Purchase.record(
                        PurchaseId.newId(),
                        "MI-001",
                        "R-1",
                        SalesChannel.STORE,
                        AT,
                        CustomerId.newId(),
                        earned,
                        coupons,
                        Money.of(3_050, "EUR"))
                .purchase();
    }

    @Test
    void aPurchaseSurvivesTheRoundTripThroughItsRows() {
        CouponCode code = CouponCode.generate(new SecureRandom());
        Purchase purchase = aPurchase(List.of(new RedeemedCoupon(code, Money.of(200, "EUR"))));

        PurchaseJpaEntity row = PurchaseMapper.toNewRow(purchase, AT.plusSeconds(1));
        Purchase back = PurchaseMapper.toDomain(
                row, PurchaseMapper.toLineRows(purchase), PurchaseMapper.toCouponRows(purchase));

        assertThat(back.id()).isEqualTo(purchase.id());
        assertThat(back.storeId()).isEqualTo("MI-001");
        assertThat(back.receiptId()).isEqualTo("R-1");
        assertThat(back.channel()).isEqualTo(SalesChannel.STORE);
        assertThat(back.occurredAt()).isEqualTo(AT);
        assertThat(back.customerId()).isEqualTo(purchase.customerId());
        assertThat(back.lines()).isEqualTo(purchase.lines());
        assertThat(back.coupons()).isEqualTo(purchase.coupons());
        assertThat(back.totalPaid()).isEqualTo(purchase.totalPaid());
        assertThat(back.pointsAwarded()).isEqualTo(purchase.pointsAwarded());
        assertThat(back.pointsReversed()).isEqualTo(purchase.pointsReversed());
        assertThat(back.amountReversed()).isEqualTo(purchase.amountReversed());
        assertThat(back.reversals()).isEqualTo(purchase.reversals());
        assertThat(back.version()).isEqualTo(1);
        assertThat(row.recordedAt).isEqualTo(UtcTimes.utc(AT.plusSeconds(1)));
    }

    @Test
    void rowsAreAppendedWithTheirValuesInTheColumnsOrder() {
        CouponCode code = CouponCode.generate(new SecureRandom());
        Purchase purchase = aPurchase(List.of(new RedeemedCoupon(code, Money.of(200, "EUR"))));
        String id = purchase.id().toString();

        Object[] head = PurchaseMapper.insertValues(PurchaseMapper.toNewRow(purchase, AT));
        Object[] line =
                PurchaseMapper.insertValues(PurchaseMapper.toLineRows(purchase).get(0));
        Object[] coupon = PurchaseMapper.insertValues(
                PurchaseMapper.toCouponRows(purchase).get(0));

        assertThat(head)
                .containsExactly(
                        id,
                        "MI-001",
                        "R-1",
                        "STORE",
                        purchase.customerId().orElseThrow().toString(),
                        UtcTimes.utc(AT),
                        UtcTimes.utc(AT),
                        "EUR",
                        3_050L,
                        purchase.pointsAwarded().value(),
                        0L,
                        0L,
                        0,
                        1L);
        assertThat(line)
                .containsExactly(
                        id,
                        1,
                        "SKU-1",
                        "grocery",
                        3,
                        1_000L,
                        200L,
                        purchase.lines().get(0).earnedMillionths(),
                        0);
        assertThat(coupon).containsExactly(id, code.value(), 1, 200L);
    }

    @Test
    void aReversalIsARowOfTheLinesReturned() {
        Purchase purchase = aPurchase(List.of());
        PurchaseReversed reversal = purchase.reverse(List.of(new LineReturn(1, 2), new LineReturn(2, 1)), AT)
                .event();

        PurchaseReversalJpaEntity row = PurchaseMapper.toRow(purchase.id(), reversal);

        assertThat(row.purchaseId).isEqualTo(purchase.id().toString());
        assertThat(row.sequence).isEqualTo(reversal.sequence());
        assertThat(row.linesReturned).isEqualTo("1:2 2:1");
        assertThat(row.amount).isEqualTo(reversal.amount().cents());
        assertThat(row.points).isEqualTo(reversal.points().value());
        assertThat(row.complete).isEqualTo(reversal.complete());
        assertThat(row.occurredAt).isEqualTo(UtcTimes.utc(AT));
    }
}
