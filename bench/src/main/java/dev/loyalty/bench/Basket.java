package dev.loyalty.bench;

import dev.loyalty.bench.floor.PurchaseWrites;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated basket: five lines of one to three units at 2.00 to 15.00 EUR, and at most one
 * 5 EUR bearer coupon. The gross is at least 10.00 EUR, so the coupon always applies in full and
 * what is paid stays above 5.00 EUR; one point per whole euro paid.
 *
 * @param lines the lines
 * @param couponCode the coupon presented, or {@code null}
 */
record Basket(List<Line> lines, String couponCode) {

    /** What the benchmark's coupon takes off, in cents. */
    static final long COUPON_VALUE = PurchaseWrites.COUPON_VALUE;

    private static final String[] CATEGORIES = {"food", "drinks", "household", "personal-care", "ready-meals"};

    /** Copies the lines. */
    Basket {
        lines = List.copyOf(lines);
    }

    /** A random basket, with the given coupon ({@code null}: none). */
    static Basket random(SplittableRandom random, String couponCode) {
        List<Line> lines = new ArrayList<>(5);
        for (int n = 0; n < 5; n++) {
            int product = random.nextInt(500);
            lines.add(new Line(
                    "SKU-" + product,
                    CATEGORIES[product % CATEGORIES.length],
                    1 + random.nextInt(3),
                    200 + 10L * random.nextInt(131)));
        }
        return new Basket(lines, couponCode);
    }

    /** The lines' amount before discounts, in cents. */
    long gross() {
        return lines.stream().mapToLong(Line::amount).sum();
    }

    /** The coupon's discount, in cents. */
    long discount() {
        return couponCode == null ? 0 : COUPON_VALUE;
    }

    /** What the customer pays, in cents. */
    long totalPaid() {
        return gross() - discount();
    }

    /** The points earned: one per whole euro paid. */
    long points() {
        return totalPaid() / 100;
    }

    /** The body of {@code POST /purchases}. */
    String purchaseJson(String storeId, String receiptId, Instant occurredAt, String customerId) {
        return "{\"storeId\":" + Json.quote(storeId)
                + ",\"receiptId\":" + Json.quote(receiptId)
                + ",\"occurredAt\":"
                + Json.quote(occurredAt.truncatedTo(ChronoUnit.MILLIS).toString())
                + ",\"customerId\":" + Json.quote(customerId)
                + ",\"channel\":\"STORE\""
                + ",\"lines\":" + linesJson()
                + ",\"couponCodes\":" + couponsJson()
                + ",\"totalPaid\":" + totalPaid()
                + "}";
    }

    /** This basket as the purchase {@link PurchaseWrites} records, its request the body {@link #purchaseJson} posts. */
    PurchaseWrites.Purchase purchase(String storeId, String receiptId, Instant occurredAt, String customerId) {
        List<PurchaseWrites.Line> written = new ArrayList<>(lines.size());
        for (Line line : lines) {
            written.add(new PurchaseWrites.Line(line.sku(), line.category(), line.quantity(), line.unitPrice()));
        }
        return new PurchaseWrites.Purchase(
                storeId,
                receiptId,
                customerId,
                occurredAt,
                written,
                couponCode,
                purchaseJson(storeId, receiptId, occurredAt, customerId));
    }

    /** The body of {@code POST /checkouts/quote}: the same basket, without receipt, time and total. */
    String quoteJson(String storeId, String customerId) {
        return "{\"storeId\":" + Json.quote(storeId)
                + ",\"customerId\":" + Json.quote(customerId)
                + ",\"channel\":\"STORE\""
                + ",\"lines\":" + linesJson()
                + ",\"couponCodes\":" + couponsJson()
                + "}";
    }

    private String linesJson() {
        StringBuilder out = new StringBuilder(400).append('[');
        for (Line line : lines) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"sku\":")
                    .append(Json.quote(line.sku()))
                    .append(",\"category\":")
                    .append(Json.quote(line.category()))
                    .append(",\"quantity\":")
                    .append(line.quantity())
                    .append(",\"unitPrice\":")
                    .append(line.unitPrice())
                    .append('}');
        }
        return out.append(']').toString();
    }

    private String couponsJson() {
        return couponCode == null ? "[]" : "[" + Json.quote(couponCode) + "]";
    }

    /**
     * A basket line.
     *
     * @param sku the product
     * @param category its category
     * @param quantity units, 1 to 3
     * @param unitPrice cents per unit
     */
    record Line(String sku, String category, int quantity, long unitPrice) {

        /** Quantity times unit price, in cents. */
        long amount() {
            return quantity * unitPrice;
        }
    }
}
