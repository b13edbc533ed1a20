package dev.loyalty.application.checkout;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.purchase.PurchaseReversed;
import java.util.List;
import java.util.Optional;

/** The recorded purchases. */
public interface Purchases {

    /**
     * Stores a new purchase with its lines and coupons.
     *
     * @throws dev.loyalty.domain.purchase.PurchaseAlreadyRecordedException when its store and receipt are taken
     */
    void add(Purchase purchase);

    boolean exists(String storeId, String receiptId);

    Optional<Purchase> byId(PurchaseId id);

    /** A customer's purchases, the latest first, at most {@code limit}. */
    List<Purchase> ofCustomer(CustomerId customerId, int limit);

    /** Reads the purchase and locks it until the transaction ends (a reversal about to change it). */
    Optional<Purchase> lockedById(PurchaseId id);

    /**
     * Stores a reversal: the lines' reversed quantities and the purchase's totals, and the reversal
     * itself.
     *
     * @throws dev.loyalty.domain.shared.ConcurrentUpdateException when the purchase changed since it was read
     */
    void saveReversal(Purchase purchase, PurchaseReversed reversal);
}
