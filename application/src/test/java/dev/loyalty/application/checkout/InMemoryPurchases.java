package dev.loyalty.application.checkout;

import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseAlreadyRecordedException;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.purchase.PurchaseReversed;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Purchases in memory, for use-case tests: stored as copies, so a change counts only once saved. */
public final class InMemoryPurchases implements Purchases {

    private final Map<PurchaseId, Purchase> purchases = new LinkedHashMap<>();
    private final List<PurchaseReversed> reversals = new ArrayList<>();

    @Override
    public synchronized void add(Purchase purchase) {
        if (exists(purchase.storeId(), purchase.receiptId())) {
            throw new PurchaseAlreadyRecordedException(purchase.storeId(), purchase.receiptId());
        }
        purchases.put(purchase.id(), copy(purchase, 1));
    }

    @Override
    public synchronized boolean exists(String storeId, String receiptId) {
        return purchases.values().stream()
                .anyMatch(p -> p.storeId().equals(storeId) && p.receiptId().equals(receiptId));
    }

    @Override
    public synchronized Optional<Purchase> byId(PurchaseId id) {
        return Optional.ofNullable(purchases.get(id)).map(p -> copy(p, p.version()));
    }

    @Override
    public synchronized List<Purchase> ofCustomer(dev.loyalty.domain.customer.CustomerId customerId, int limit) {
        List<Purchase> mine = new ArrayList<>();
        purchases.values().stream()
                .filter(p -> p.customerId().filter(customerId::equals).isPresent())
                .forEach(p -> mine.add(0, copy(p, p.version())));
        return List.copyOf(mine.subList(0, Math.min(limit, mine.size())));
    }

    @Override
    public Optional<Purchase> lockedById(PurchaseId id) {
        return byId(id);
    }

    @Override
    public synchronized void saveReversal(Purchase purchase, PurchaseReversed reversal) {
        Purchase stored = purchases.get(purchase.id());
        if (stored == null || stored.version() != purchase.version()) {
            throw new ConcurrentUpdateException("purchase " + purchase.id() + " changed meanwhile");
        }
        purchases.put(purchase.id(), copy(purchase, purchase.version() + 1));
        reversals.add(reversal);
    }

    /** @return how many purchases are stored */
    public synchronized int size() {
        return purchases.size();
    }

    /** @return every reversal stored, in order */
    public synchronized List<PurchaseReversed> reversals() {
        return List.copyOf(reversals);
    }

    static Purchase copy(Purchase p, long version) {
        Purchase.Builder b = new Purchase.Builder();
        b.id = p.id();
        b.storeId = p.storeId();
        b.receiptId = p.receiptId();
        b.channel = p.channel();
        b.occurredAt = p.occurredAt();
        b.customerId = p.customerId().orElse(null);
        b.lines = p.lines();
        b.coupons = p.coupons();
        b.totalPaid = p.totalPaid();
        b.pointsAwarded = p.pointsAwarded();
        b.pointsReversed = p.pointsReversed();
        b.amountReversed = p.amountReversed();
        b.reversals = p.reversals();
        b.version = version;
        return Purchase.reconstitute(b);
    }
}
