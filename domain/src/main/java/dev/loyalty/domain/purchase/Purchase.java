package dev.loyalty.domain.purchase;

import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.earning.EarnedPoints;
import dev.loyalty.domain.earning.LineEarning;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A purchase recorded once per store receipt: its lines with the coupon discount allocated to each
 * and the exact points each earned, the coupons redeemed, what the till says was paid and the
 * points awarded; then the reversals that give units back.
 *
 * <p><b>Points awarded.</b> The points the earning rules give for the lines' net amounts, unless
 * the till reports a lower {@code totalPaid} (a discount of its own): then they are scaled down to
 * what was paid, rounded down. An anonymous purchase earns nothing.
 *
 * <p><b>Reversal is pro rata and exact in total.</b> After each reversal the points taken back so
 * far are the points awarded times the share of the purchase's exact earning that has been given
 * back, rounded down (in the customer's favour), and exactly the points awarded once every unit is
 * back; each reversal takes the difference. The net amount of the units given back is counted the
 * same way per line. So partial refunds never take back more, in total, than a whole void would.
 * Coupons are given back only when the whole purchase is (a partial refund keeps the discount the
 * customer was given; see {@link Reversal#couponsToRestore()}).
 */
public final class Purchase {

    /** The longest receipt id accepted. */
    public static final int MAX_RECEIPT_ID_LENGTH = 64;

    private final PurchaseId id;
    private final String storeId;
    private final String receiptId;
    private final SalesChannel channel;
    private final Instant occurredAt;
    private final CustomerId customerId;
    private final List<PurchaseLine> lines;
    private final List<RedeemedCoupon> coupons;
    private final Money totalPaid;
    private final Points pointsAwarded;
    private final long version;
    private Points pointsReversed;
    private Money amountReversed;
    private int reversals;

    private Purchase(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.storeId = required("storeId", b.storeId, 64);
        this.receiptId = required("receiptId", b.receiptId, MAX_RECEIPT_ID_LENGTH);
        this.channel = Objects.requireNonNull(b.channel, "channel");
        this.occurredAt = Objects.requireNonNull(b.occurredAt, "occurredAt");
        this.customerId = b.customerId;
        this.lines = new ArrayList<>(Objects.requireNonNull(b.lines, "lines"));
        this.coupons = List.copyOf(Objects.requireNonNull(b.coupons, "coupons"));
        this.totalPaid = Objects.requireNonNull(b.totalPaid, "totalPaid");
        this.pointsAwarded = Objects.requireNonNull(b.pointsAwarded, "pointsAwarded");
        this.pointsReversed = Objects.requireNonNull(b.pointsReversed, "pointsReversed");
        this.amountReversed = Objects.requireNonNull(b.amountReversed, "amountReversed");
        this.reversals = b.reversals;
        this.version = b.version;
        if (lines.isEmpty()) {
            throw new InvalidValueException("lines", "a purchase has at least one line");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).number() != i + 1) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + " is numbered " + lines.get(i).number());
            }
        }
        if (pointsAwarded.isLessThan(pointsReversed)) {
            throw new IllegalArgumentException("more points reversed than awarded");
        }
    }

    /**
     * Records a purchase from its priced and scored lines.
     *
     * @param id the new purchase's identity
     * @param storeId the store, non-blank
     * @param receiptId the store's receipt, non-blank, at most {@value #MAX_RECEIPT_ID_LENGTH} characters
     * @param channel STORE or ONLINE
     * @param occurredAt when it happened
     * @param customerId the customer, or {@code null} for an anonymous purchase
     * @param earned the lines with their discounts and exact points, in receipt order
     * @param coupons the coupons redeemed with their discounts
     * @param totalPaid what the till says was paid: zero or more, at most the lines' gross total
     * @return the purchase and its {@link PurchaseRecorded}
     * @throws InvalidValueException (field {@code totalPaid}) when the amount paid is negative,
     *     in another currency or more than the lines before discounts
     */
    public static Recorded record(
            PurchaseId id,
            String storeId,
            String receiptId,
            SalesChannel channel,
            Instant occurredAt,
            CustomerId customerId,
            EarnedPoints earned,
            List<RedeemedCoupon> coupons,
            Money totalPaid) {
        Objects.requireNonNull(earned, "earned");
        Objects.requireNonNull(totalPaid, "totalPaid");
        List<PurchaseLine> lines = new ArrayList<>();
        for (LineEarning line : earned.lines()) {
            lines.add(new PurchaseLine(lines.size() + 1, line.line(), line.discount(), line.millionths(), 0));
        }
        if (lines.isEmpty()) {
            throw new InvalidValueException("lines", "a purchase has at least one line");
        }
        Money gross = Money.zero(lines.get(0).line().unitPrice().currency());
        Money net = gross;
        for (PurchaseLine line : lines) {
            gross = gross.plus(line.line().total());
            net = net.plus(line.net());
        }
        if (!totalPaid.currency().equals(gross.currency())) {
            throw new InvalidValueException("totalPaid", "totalPaid must be in " + gross.currency());
        }
        if (totalPaid.isNegative() || totalPaid.isGreaterThan(gross)) {
            throw new InvalidValueException(
                    "totalPaid", "totalPaid " + totalPaid + " must be between 0 and the lines' total " + gross);
        }
        Points points = Points.ZERO;
        if (customerId != null) {
            points = earned.points();
            if (totalPaid.isLessThan(net)) {
                points = Points.of(scale(points.value(), totalPaid.cents(), net.cents()));
            }
        }
        Builder b = new Builder();
        b.id = id;
        b.storeId = storeId;
        b.receiptId = receiptId;
        b.channel = channel;
        b.occurredAt = occurredAt;
        b.customerId = customerId;
        b.lines = lines;
        b.coupons = coupons;
        b.totalPaid = totalPaid;
        b.pointsAwarded = points;
        b.pointsReversed = Points.ZERO;
        b.amountReversed = Money.zero(gross.currency());
        Purchase purchase = new Purchase(b);
        return new Recorded(purchase, purchase.recordedEvent(net));
    }

    /**
     * Rebuilds a stored purchase.
     *
     * @param b its stored state
     * @return the purchase
     */
    public static Purchase reconstitute(Builder b) {
        return new Purchase(b);
    }

    /**
     * Gives units back: those listed, or every unit not given back yet when {@code returns} is
     * empty. Giving back everything of a purchase already wholly reversed changes nothing and
     * reverses nothing, so a repeated void is harmless.
     *
     * @param returns the units per line; several entries for one line add up
     * @param at when
     * @return what this reversal takes back, and its event when anything was given back
     * @throws ReversalExceedsPurchaseException when a line does not exist or has fewer units left
     */
    public Reversal reverse(List<LineReturn> returns, Instant at) {
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(at, "at");
        Map<Integer, Integer> units = new TreeMap<>();
        if (returns.isEmpty()) {
            for (PurchaseLine line : lines) {
                if (line.remainingQuantity() > 0) {
                    units.put(line.number(), line.remainingQuantity());
                }
            }
        } else {
            for (LineReturn r : returns) {
                units.merge(r.lineNumber(), r.quantity(), Math::addExact);
            }
            for (Map.Entry<Integer, Integer> e : units.entrySet()) {
                if (e.getKey() > lines.size()) {
                    throw new ReversalExceedsPurchaseException(
                            "the purchase has " + lines.size() + " lines, there is no line " + e.getKey());
                }
                PurchaseLine line = lines.get(e.getKey() - 1);
                if (e.getValue() > line.remainingQuantity()) {
                    throw new ReversalExceedsPurchaseException("line " + line.number() + " has "
                            + line.remainingQuantity() + " units left to give back, not " + e.getValue());
                }
            }
        }
        if (units.isEmpty()) {
            return new Reversal(Points.ZERO, Money.zero(totalPaid.currency()), isWhollyReversed(), List.of(), null);
        }
        List<LineReturn> given = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : units.entrySet()) {
            lines.set(e.getKey() - 1, lines.get(e.getKey() - 1).withReversed(e.getValue()));
            given.add(new LineReturn(e.getKey(), e.getValue()));
        }
        boolean complete = isWhollyReversed();
        Points pointsTarget = complete ? pointsAwarded : Points.of(pointsShareReversed());
        Money amountTarget = amountShareReversed();
        Points points = Points.of(pointsTarget.value() - pointsReversed.value());
        Money amount = amountTarget.minus(amountReversed);
        pointsReversed = pointsTarget;
        amountReversed = amountTarget;
        reversals++;
        PurchaseReversed event = new PurchaseReversed(id, reversals, customerId, given, amount, points, complete, at);
        return new Reversal(points, amount, complete, complete ? coupons : List.of(), event);
    }

    /** @return whether every unit of every line has been given back */
    public boolean isWhollyReversed() {
        return lines.stream().allMatch(line -> line.remainingQuantity() == 0);
    }

    /** floor(awarded x reversed exact points / exact points), with each line's share floored. */
    private long pointsShareReversed() {
        long exact = 0;
        long reversedExact = 0;
        for (PurchaseLine line : lines) {
            exact = Math.addExact(exact, line.earnedMillionths());
            reversedExact = Math.addExact(
                    reversedExact,
                    scale(
                            line.earnedMillionths(),
                            line.reversedQuantity(),
                            line.line().quantity()));
        }
        return exact == 0 ? 0 : scale(pointsAwarded.value(), reversedExact, exact);
    }

    private Money amountShareReversed() {
        Money sum = Money.zero(totalPaid.currency());
        for (PurchaseLine line : lines) {
            sum = sum.plus(Money.of(
                    scale(
                            line.net().cents(),
                            line.reversedQuantity(),
                            line.line().quantity()),
                    totalPaid.currency().getCurrencyCode()));
        }
        return sum;
    }

    /** @return floor(value x numerator / denominator), without overflow */
    private static long scale(long value, long numerator, long denominator) {
        return BigInteger.valueOf(value)
                .multiply(BigInteger.valueOf(numerator))
                .divide(BigInteger.valueOf(denominator))
                .longValueExact();
    }

    private PurchaseRecorded recordedEvent(Money net) {
        List<PurchaseRecorded.Line> eventLines = lines.stream()
                .map(l -> new PurchaseRecorded.Line(
                        l.line().sku(), l.line().category(), l.line().quantity(), l.net()))
                .toList();
        return new PurchaseRecorded(
                id,
                storeId,
                receiptId,
                customerId,
                channel,
                eventLines,
                net,
                totalPaid,
                coupons.stream().map(c -> c.code().value()).toList(),
                pointsAwarded,
                occurredAt);
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidValueException(field, field + " must be at most " + maxLength + " characters");
        }
        return stripped;
    }

    public PurchaseId id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public String receiptId() {
        return receiptId;
    }

    public SalesChannel channel() {
        return channel;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    /** @return the customer; empty for an anonymous purchase */
    public Optional<CustomerId> customerId() {
        return Optional.ofNullable(customerId);
    }

    /** @return the lines in receipt order, unmodifiable */
    public List<PurchaseLine> lines() {
        return List.copyOf(lines);
    }

    public List<RedeemedCoupon> coupons() {
        return coupons;
    }

    /** @return what the lines came to after coupon discounts, before any reversal */
    public Money net() {
        Money net = Money.zero(totalPaid.currency());
        for (PurchaseLine line : lines) {
            net = net.plus(line.net());
        }
        return net;
    }

    public Money totalPaid() {
        return totalPaid;
    }

    public Points pointsAwarded() {
        return pointsAwarded;
    }

    /** @return the points taken back by reversals so far */
    public Points pointsReversed() {
        return pointsReversed;
    }

    /** @return the net amount of the units given back so far */
    public Money amountReversed() {
        return amountReversed;
    }

    /** @return how many reversals gave units back */
    public int reversals() {
        return reversals;
    }

    /** @return the optimistic-lock version it was loaded with (0 when new) */
    public long version() {
        return version;
    }

    /** Two purchases are the same when they have the same id. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Purchase that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Purchase[id=" + id + ", storeId=" + storeId + ", receiptId=" + receiptId + "]";
    }

    /**
     * A newly recorded purchase and what happened.
     *
     * @param purchase the purchase
     * @param event its {@link PurchaseRecorded}
     */
    public record Recorded(Purchase purchase, PurchaseRecorded event) {}

    /**
     * What one reversal takes back.
     *
     * @param points the points to take back from the wallet now
     * @param amount the net amount of the units given back now
     * @param complete whether the purchase is now wholly reversed
     * @param couponsToRestore the coupons to give back (all of them once the purchase is wholly
     *     reversed by this reversal, none otherwise)
     * @param event the {@link PurchaseReversed}, or {@code null} when nothing was left to give back
     */
    public record Reversal(
            Points points,
            Money amount,
            boolean complete,
            List<RedeemedCoupon> couponsToRestore,
            PurchaseReversed event) {

        /** Copies the list. */
        public Reversal {
            couponsToRestore = List.copyOf(couponsToRestore);
        }

        /** @return whether anything was given back */
        public Optional<PurchaseReversed> happened() {
            return Optional.ofNullable(event);
        }
    }

    /** The stored state of a purchase, for {@link #reconstitute}. Fields are set directly. */
    public static final class Builder {
        public PurchaseId id;
        public String storeId;
        public String receiptId;
        public SalesChannel channel;
        public Instant occurredAt;
        public CustomerId customerId;
        public List<PurchaseLine> lines;
        public List<RedeemedCoupon> coupons = List.of();
        public Money totalPaid;
        public Points pointsAwarded;
        public Points pointsReversed;
        public Money amountReversed;
        public int reversals;
        public long version;
    }
}
