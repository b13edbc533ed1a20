package dev.loyalty.adapters.persistence.purchase;

import dev.loyalty.adapters.persistence.Locks;
import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.checkout.Purchases;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.LineReturn;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseAlreadyRecordedException;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.purchase.PurchaseLine;
import dev.loyalty.domain.purchase.PurchaseReversed;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Purchases in MariaDB: the purchase row, its lines and coupons written in one batch; the
 * receipt's uniqueness is the key {@code uk_purchase_receipt}; a customer's purchase also writes its
 * {@code purchase_bought} rows (V14_1). A reversal is a conditional UPDATE of the purchase on its
 * version, the changed lines, a {@code purchase_reversal} row, and when a line was given back in
 * full, the {@code purchase_bought} rows no kept line names deleted.
 */
@ApplicationScoped
public class JpaPurchases implements Purchases {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    protected JpaPurchases() {}

    /** For tests outside the container. */
    public JpaPurchases(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A purchase is only ever appended here (its reversals update it later): rows, not managed entities. */
    @Override
    public void add(Purchase purchase) {
        try {
            PurchaseMapper.PURCHASE.row(
                    em, PurchaseMapper.insertValues(PurchaseMapper.toNewRow(purchase, clock.instant())));
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e).filter("uk_purchase_receipt"::equals).isPresent()) {
                throw new PurchaseAlreadyRecordedException(purchase.storeId(), purchase.receiptId());
            }
            throw e;
        }
        PurchaseMapper.LINES.rows(
                em,
                PurchaseMapper.toLineRows(purchase).stream()
                        .map(PurchaseMapper::insertValues)
                        .toList());
        PurchaseMapper.COUPONS.rows(
                em,
                PurchaseMapper.toCouponRows(purchase).stream()
                        .map(PurchaseMapper::insertValues)
                        .toList());
        purchase.customerId().ifPresent(customer -> addBought(purchase, customer));
        AppendedPurchases.appended(transactions, purchase);
    }

    /**
     * The purchase's {@code purchase_bought} rows (what segments read), one per category and SKU of
     * its lines, in one statement; a category or SKU named twice in different case is one row under
     * the table's collation (the no-op update keeps the first).
     */
    private void addBought(Purchase purchase, CustomerId customer) {
        Set<String> categories = new LinkedHashSet<>();
        Set<String> skus = new LinkedHashSet<>();
        for (PurchaseLine line : purchase.lines()) {
            if (line.remainingQuantity() > 0) {
                categories.add(line.line().category());
                skus.add(line.line().sku());
            }
        }
        if (categories.isEmpty()) {
            return;
        }
        Object occurred = UtcTimes.utc(purchase.occurredAt());
        String id = purchase.id().toString();
        List<Object> values = new ArrayList<>();
        for (String category : categories) {
            values.addAll(List.of(id, "C", category, occurred, customer.toString()));
        }
        for (String sku : skus) {
            values.addAll(List.of(id, "S", sku, occurred, customer.toString()));
        }
        Query insert = em.createNativeQuery("INSERT INTO purchase_bought (purchase_id, kind, item, occurred_at,"
                + " customer_id) VALUES "
                + String.join(", ", Collections.nCopies(categories.size() + skus.size(), "(?, ?, ?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE purchase_id = purchase_bought.purchase_id");
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        insert.executeUpdate();
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
        em.persist(PurchaseMapper.toRow(purchase.id(), reversal));
        boolean lineGivenBackInFull = reversal.lines().stream()
                .anyMatch(given -> purchase.lines().get(given.lineNumber() - 1).remainingQuantity() == 0);
        if (lineGivenBackInFull && purchase.customerId().isPresent()) {
            // what no kept line of the purchase names any more is no longer bought (as the metrics
            // count lines); compared in SQL, under the collation the rows were written with
            em.createNativeQuery(
                            """
                            DELETE FROM purchase_bought WHERE purchase_id = ? AND NOT EXISTS (
                                SELECT 1 FROM purchase_line l WHERE l.purchase_id = purchase_bought.purchase_id
                                  AND l.quantity > l.reversed_quantity
                                  AND IF(purchase_bought.kind = 'C', l.category, l.sku) = purchase_bought.item)""")
                    .setParameter(1, id)
                    .executeUpdate();
        }
        em.flush();
    }

    private Purchase toDomain(PurchaseJpaEntity row) {
        List<PurchaseLineJpaEntity> lines = em.createQuery(
                        "SELECT l FROM PurchaseLineJpaEntity l WHERE l.purchaseId = :id ORDER BY l.lineNumber",
                        PurchaseLineJpaEntity.class)
                .setParameter("id", row.id)
                .setHint(Locks.REFRESH, true)
                .getResultList();
        List<PurchaseCouponJpaEntity> coupons = em.createQuery(
                        "SELECT c FROM PurchaseCouponJpaEntity c WHERE c.purchaseId = :id ORDER BY c.position",
                        PurchaseCouponJpaEntity.class)
                .setParameter("id", row.id)
                .getResultList();
        return PurchaseMapper.toDomain(row, lines, coupons);
    }
}
