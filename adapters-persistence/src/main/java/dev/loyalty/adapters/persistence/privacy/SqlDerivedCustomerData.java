package dev.loyalty.adapters.persistence.privacy;

import dev.loyalty.application.privacy.DerivedCustomerData;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Deletes a customer's rows in the tables computed from purchases and segments: the metrics per
 * customer, category, store and SKU and the mark that they are due, and the memberships of segment snapshots (the snapshot keeps its
 * count as it was taken).
 */
@ApplicationScoped
public class SqlDerivedCustomerData implements DerivedCustomerData {

    private static final List<String> TABLES = List.of(
            "customer_metrics",
            "customer_category_metrics",
            "customer_store_metrics",
            "customer_sku_metrics",
            "customer_metrics_due",
            "segment_snapshot_member");

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlDerivedCustomerData() {}

    /** For tests outside the container. */
    public SqlDerivedCustomerData(EntityManager em) {
        this.em = em;
    }

    @Override
    public void forget(CustomerId customerId) {
        for (String table : TABLES) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE customer_id = ?")
                    .setParameter(1, customerId.toString())
                    .executeUpdate();
        }
    }
}
