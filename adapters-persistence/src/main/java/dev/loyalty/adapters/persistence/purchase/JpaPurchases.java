package dev.loyalty.adapters.persistence.purchase;

import dev.loyalty.adapters.persistence.Locks;
import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeInsert;
import dev.loyalty.application.checkout.Purchases;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.LineReturn;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseAlreadyRecordedException;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.purchase.PurchaseLine;
import dev.loyalty.domain.purchase.PurchaseReversed;
import dev.loyalty.domain.purchase.RedeemedCoupon;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Purchases in MariaDB: the purchase row, its lines and coupons written in one batch; the
 * receipt's uniqueness is the key {@code uk_purchase_receipt}. A reversal is a conditional UPDATE of
 * the purchase on its version, the changed lines, and a {@code purchase_reversal} row.
 */
@ApplicationScoped
public class JpaPurchases implements Purchases {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Inject
    private Clock clock;

    protected JpaPurchases() {}

    /** For tests outside the container. */
    public JpaPurchases(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    private static final NativeInsert PURCHASE = new NativeInsert(
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

    private static final NativeInsert LINES = new NativeInsert(
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

    private static final NativeInsert COUPONS =
            new NativeInsert("purchase_coupon", "purchase_id", "code", "position", "discount");

    /** A purchase is only ever appended here (its reversals update it later): rows, not managed entities. */
    @Override
    public void add(Purchase purchase) {
        String id = purchase.id().toString();
        try {
            PURCHASE.row(
                    em,
                    id,
                    purchase.storeId(),
                    purchase.receiptId(),
                    purchase.channel().name(),
                    purchase.customerId().map(CustomerId::toString).orElse(null),
                    UtcTimes.utc(purchase.occurredAt()),
                    UtcTimes.utc(clock.instant()),
                    purchase.totalPaid().currency().getCurrencyCode(),
                    purchase.totalPaid().cents(),
                    purchase.pointsAwarded().value(),
                    purchase.pointsReversed().value(),
                    purchase.amountReversed().cents(),
                    purchase.reversals(),
                    1);
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e).filter("uk_purchase_receipt"::equals).isPresent()) {
                throw new PurchaseAlreadyRecordedException(purchase.storeId(), purchase.receiptId());
            }
            throw e;
        }
        LINES.rows(
                em,
                purchase.lines().stream()
                        .map(line -> new Object[] {
                            id,
                            line.number(),
                            line.line().sku(),
                            line.line().category(),
                            line.line().quantity(),
                            line.line().unitPrice().cents(),
                            line.discount().cents(),
                            line.earnedMillionths(),
                            line.reversedQuantity()
                        })
                        .toList());
        List<Object[]> coupons = new ArrayList<>();
        for (RedeemedCoupon coupon : purchase.coupons()) {
            coupons.add(new Object[] {
                id, coupon.code().value(), coupons.size() + 1, coupon.discount().cents()
            });
        }
        COUPONS.rows(em, coupons);
    }

    @Override
    public boolean exists(String storeId, String receiptId) {
        return !em.createQuery(
                        "SELECT p.id FROM PurchaseJpaEntity p WHERE p.storeId = :store AND p.receiptId = :receipt",
                        String.class)
                .setParameter("store", storeId)
                .setParameter("receipt", receiptId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public Optional<Purchase> byId(PurchaseId id) {
        return Optional.ofNullable(em.find(PurchaseJpaEntity.class, id.toString()))
                .map(this::toDomain);
    }

    @Override
    public List<Purchase> ofCustomer(CustomerId customerId, int limit) {
        return em.createQuery(
                        "SELECT p FROM PurchaseJpaEntity p WHERE p.customerId = :customer ORDER BY p.occurredAt DESC",
                        PurchaseJpaEntity.class)
                .setParameter("customer", customerId.toString())
                .setMaxResults(limit)
                .getResultStream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public Optional<Purchase> lockedById(PurchaseId id) {
        return em.createQuery("SELECT p FROM PurchaseJpaEntity p WHERE p.id = :id", PurchaseJpaEntity.class)
                .setParameter("id", id.toString())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(Locks.REFRESH, true)
                .getResultStream()
                .findFirst()
                .map(this::toDomain);
    }

    @Override
    public void saveReversal(Purchase purchase, PurchaseReversed reversal) {
        String id = purchase.id().toString();
        int updated = em.createQuery(
                        """
                        UPDATE PurchaseJpaEntity p
                        SET p.pointsReversed = :points, p.amountReversed = :amount, p.reversals = :reversals,
                            p.version = p.version + 1
                        WHERE p.id = :id AND p.version = :version""")
                .setParameter("points", purchase.pointsReversed().value())
                .setParameter("amount", purchase.amountReversed().cents())
                .setParameter("reversals", purchase.reversals())
                .setParameter("id", id)
                .setParameter("version", purchase.version())
                .executeUpdate();
        if (updated != 1) {
            throw new ConcurrentUpdateException("purchase " + id + " was changed meanwhile");
        }
        for (LineReturn given : reversal.lines()) {
            em.createQuery(
                            """
                            UPDATE PurchaseLineJpaEntity l SET l.reversedQuantity = :reversed
                            WHERE l.purchaseId = :id AND l.lineNumber = :line""")
                    .setParameter(
                            "reversed",
                            purchase.lines().get(given.lineNumber() - 1).reversedQuantity())
                    .setParameter("id", id)
                    .setParameter("line", given.lineNumber())
                    .executeUpdate();
        }
        PurchaseReversalJpaEntity row = new PurchaseReversalJpaEntity();
        row.purchaseId = id;
        row.sequence = reversal.sequence();
        row.linesReturned = reversal.lines().stream()
                .map(r -> r.lineNumber() + ":" + r.quantity())
                .collect(Collectors.joining(" "));
        row.amount = reversal.amount().cents();
        row.points = reversal.points().value();
        row.complete = reversal.complete();
        row.occurredAt = UtcTimes.utc(reversal.occurredAt());
        em.persist(row);
        em.flush();
    }

    private Purchase toDomain(PurchaseJpaEntity row) {
        String currency = row.currency;
        Purchase.Builder b = new Purchase.Builder();
        b.id = new PurchaseId(UUID.fromString(row.id));
        b.storeId = row.storeId;
        b.receiptId = row.receiptId;
        b.channel = SalesChannel.valueOf(row.channel);
        b.occurredAt = UtcTimes.instant(row.occurredAt);
        b.customerId = row.customerId == null ? null : CustomerId.parse(row.customerId);
        b.lines = em.createQuery(
                        "SELECT l FROM PurchaseLineJpaEntity l WHERE l.purchaseId = :id ORDER BY l.lineNumber",
                        PurchaseLineJpaEntity.class)
                .setParameter("id", row.id)
                .setHint(Locks.REFRESH, true)
                .getResultStream()
                .map(l -> new PurchaseLine(
                        l.lineNumber,
                        new BasketLine(l.sku, l.category, l.quantity, Money.of(l.unitPrice, currency)),
                        Money.of(l.discount, currency),
                        l.earnedMillionths,
                        l.reversedQuantity))
                .toList();
        List<RedeemedCoupon> coupons = em.createQuery(
                        "SELECT c FROM PurchaseCouponJpaEntity c WHERE c.purchaseId = :id ORDER BY c.position",
                        PurchaseCouponJpaEntity.class)
                .setParameter("id", row.id)
                .getResultStream()
                .map(c -> new RedeemedCoupon(CouponCode.parse(c.code), Money.of(c.discount, currency)))
                .toList();
        b.coupons = coupons;
        b.totalPaid = Money.of(row.totalPaid, currency);
        b.pointsAwarded = Points.of(row.pointsAwarded);
        b.pointsReversed = Points.of(row.pointsReversed);
        b.amountReversed = Money.of(row.amountReversed, currency);
        b.reversals = row.reversals;
        b.version = row.version;
        return Purchase.reconstitute(b);
    }
}
