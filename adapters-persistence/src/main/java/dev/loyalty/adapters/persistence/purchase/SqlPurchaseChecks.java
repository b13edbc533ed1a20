package dev.loyalty.adapters.persistence.purchase;

import dev.loyalty.application.checkout.PurchaseChecks;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * A purchase's checks in one statement: the customer's row, the store's receipt (key {@code
 * uk_purchase_receipt}) and the customer's print blocks sent and not delivered yet (key {@code
 * ix_message_customer}), each an {@code EXISTS}; what is not asked about reads nothing.
 */
@ApplicationScoped
public class SqlPurchaseChecks implements PurchaseChecks {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlPurchaseChecks() {}

    /** For tests outside the container. */
    public SqlPurchaseChecks(EntityManager em) {
        this.em = em;
    }

    @Override
    public Checked check(Optional<CustomerId> customer, String storeId, Optional<String> receiptId) {
        String id = customer.map(CustomerId::toString).orElse(null);
        Object[] row = (Object[]) em.createNativeQuery("SELECT EXISTS(SELECT 1 FROM customer WHERE id = ?),"
                        + " EXISTS(SELECT 1 FROM purchase WHERE store_id = ? AND receipt_id = ?),"
                        + " EXISTS(SELECT 1 FROM message WHERE customer_id = ? AND channel = ? AND status = 'SENT')")
                .setParameter(1, id)
                .setParameter(2, storeId)
                .setParameter(3, receiptId.orElse(null))
                .setParameter(4, id)
                .setParameter(5, Channel.PRINT_AT_TILL.name())
                .getSingleResult();
        return new Checked(yes(row[0]), yes(row[1]), yes(row[2]));
    }

    private static boolean yes(Object exists) {
        return exists instanceof Boolean b ? b : ((Number) exists).longValue() != 0;
    }
}
