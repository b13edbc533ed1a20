package dev.loyalty.adapters.persistence.purchase;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeInsert;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.purchase.PurchaseLine;
import dev.loyalty.domain.purchase.PurchaseReversed;
import dev.loyalty.domain.purchase.RedeemedCoupon;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Between a {@link Purchase} and its rows: the {@code purchase} row (amounts in cents of its one
 * currency), its {@code purchase_line} and {@code purchase_coupon} rows (appended through {@link
 * #PURCHASE}, {@link #LINES} and {@link #COUPONS} with the values of {@code insertValues}), and a
 * reversal's {@code purchase_reversal} row.
 */
final class PurchaseMapper {

    static final NativeInsert PURCHASE = new NativeInsert(
            "purchase",
            "id",
            "store_id",
            "receipt_id",
            "channel",
            "customer_id",
            "occurred_at",
            "recorded_at",
            "currency",
            "total_paid",
            "points_awarded",
            "points_reversed",
            "amount_reversed",
            "reversals",
            "version");

    static final NativeInsert LINES = new NativeInsert(
            "purchase_line",
            "purchase_id",
            "line_number",
            "sku",
            "category",
            "quantity",
            "unit_price",
            "discount",
            "earned_millionths",
            "reversed_quantity");

    static final NativeInsert COUPONS =
            new NativeInsert("purchase_coupon", "purchase_id", "code", "position", "discount");

    private PurchaseMapper() {}

    /** The row of a purchase recorded for the first time (version 1). */
    static PurchaseJpaEntity toNewRow(Purchase purchase, Instant recordedAt) {
        PurchaseJpaEntity row = new PurchaseJpaEntity();
        row.id = purchase.id().toString();
        row.storeId = purchase.storeId();
        row.receiptId = purchase.receiptId();
        row.channel = purchase.channel().name();
        row.customerId = purchase.customerId().map(CustomerId::toString).orElse(null);
        row.occurredAt = UtcTimes.utc(purchase.occurredAt());
        row.recordedAt = UtcTimes.utc(recordedAt);
        row.currency = purchase.totalPaid().currency().getCurrencyCode();
        row.totalPaid = purchase.totalPaid().cents();
        row.pointsAwarded = purchase.pointsAwarded().value();
        row.pointsReversed = purchase.pointsReversed().value();
        row.amountReversed = purchase.amountReversed().cents();
        row.reversals = purchase.reversals();
        row.version = 1;
        return row;
    }

    static List<PurchaseLineJpaEntity> toLineRows(Purchase purchase) {
        List<PurchaseLineJpaEntity> rows = new ArrayList<>();
        for (PurchaseLine line : purchase.lines()) {
            PurchaseLineJpaEntity row = new PurchaseLineJpaEntity();
            row.purchaseId = purchase.id().toString();
            row.lineNumber = line.number();
            row.sku = line.line().sku();
            row.category = line.line().category();
            row.quantity = line.line().quantity();
            row.unitPrice = line.line().unitPrice().cents();
            row.discount = line.discount().cents();
            row.earnedMillionths = line.earnedMillionths();
            row.reversedQuantity = line.reversedQuantity();
            rows.add(row);
        }
        return rows;
    }

    /** The coupons in the order they were given, numbered from 1. */
    static List<PurchaseCouponJpaEntity> toCouponRows(Purchase purchase) {
        List<PurchaseCouponJpaEntity> rows = new ArrayList<>();
        for (RedeemedCoupon coupon : purchase.coupons()) {
            PurchaseCouponJpaEntity row = new PurchaseCouponJpaEntity();
            row.purchaseId = purchase.id().toString();
            row.code = coupon.code().value();
            row.position = rows.size() + 1;
            row.discount = coupon.discount().cents();
            rows.add(row);
        }
        return rows;
    }

    /** The values in the column order of {@link #PURCHASE}. */
    static Object[] insertValues(PurchaseJpaEntity row) {
        return new Object[] {
            row.id,
            row.storeId,
            row.receiptId,
            row.channel,
            row.customerId,
            row.occurredAt,
            row.recordedAt,
            row.currency,
            row.totalPaid,
            row.pointsAwarded,
            row.pointsReversed,
            row.amountReversed,
            row.reversals,
            row.version
        };
    }

    /** The values in the column order of {@link #LINES}. */
    static Object[] insertValues(PurchaseLineJpaEntity row) {
        return new Object[] {
            row.purchaseId,
            row.lineNumber,
            row.sku,
            row.category,
            row.quantity,
            row.unitPrice,
            row.discount,
            row.earnedMillionths,
            row.reversedQuantity
        };
    }

    /** The values in the column order of {@link #COUPONS}. */
    static Object[] insertValues(PurchaseCouponJpaEntity row) {
        return new Object[] {row.purchaseId, row.code, row.position, row.discount};
    }

    /**
     * @param row the purchase row
     * @param lines its lines, by line number
     * @param coupons its coupons, by position
     * @return the purchase
     */
    static Purchase toDomain(
            PurchaseJpaEntity row, List<PurchaseLineJpaEntity> lines, List<PurchaseCouponJpaEntity> coupons) {
        String currency = row.currency;
        Purchase.Builder b = new Purchase.Builder();
        b.id = new PurchaseId(UUID.fromString(row.id));
        b.storeId = row.storeId;
        b.receiptId = row.receiptId;
        b.channel = SalesChannel.valueOf(row.channel);
        b.occurredAt = UtcTimes.instant(row.occurredAt);
        b.customerId = row.customerId == null ? null : CustomerId.parse(row.customerId);
        b.lines = lines.stream()
                .map(l -> new PurchaseLine(
                        l.lineNumber,
                        new BasketLine(l.sku, l.category, l.quantity, Money.of(l.unitPrice, currency)),
                        Money.of(l.discount, currency),
                        l.earnedMillionths,
                        l.reversedQuantity))
                .toList();
        b.coupons = coupons.stream()
                .map(c -> new RedeemedCoupon(CouponCode.parse(c.code), Money.of(c.discount, currency)))
                .toList();
        b.totalPaid = Money.of(row.totalPaid, currency);
        b.pointsAwarded = Points.of(row.pointsAwarded);
        b.pointsReversed = Points.of(row.pointsReversed);
        b.amountReversed = Money.of(row.amountReversed, currency);
        b.reversals = row.reversals;
        b.version = row.version;
        return Purchase.reconstitute(b);
    }

    /** A reversal's row: the lines returned as {@code line:quantity} pairs. */
    static PurchaseReversalJpaEntity toRow(PurchaseId purchaseId, PurchaseReversed reversal) {
        PurchaseReversalJpaEntity row = new PurchaseReversalJpaEntity();
        row.purchaseId = purchaseId.toString();
        row.sequence = reversal.sequence();
        row.linesReturned = reversal.lines().stream()
                .map(r -> r.lineNumber() + ":" + r.quantity())
                .collect(Collectors.joining(" "));
        row.amount = reversal.amount().cents();
        row.points = reversal.points().value();
        row.complete = reversal.complete();
        row.occurredAt = UtcTimes.utc(reversal.occurredAt());
        return row;
    }
}
