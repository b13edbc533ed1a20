package dev.loyalty.adapters.persistence.tier;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.customer.JpaCustomers;
import dev.loyalty.application.tier.CustomerTiers;
import dev.loyalty.application.tier.QualifyingActivity;
import dev.loyalty.application.tier.TierProgrammes;
import dev.loyalty.application.tier.TierReviews;
import dev.loyalty.application.tier.TierReviewsContract;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.tier.TierChangeCause;
import dev.loyalty.domain.tier.TierChanged;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The review contract against the set-based SQL review on MariaDB: the same decisions as the
 * domain's policy, applied once, audited, and published with the payload {@code TierChanged} has.
 */
class SqlTierReviewsIT extends TierReviewsContract {

    private EntityManager current;

    @Override
    protected TierReviews reviews() {
        return new SqlTierReviews(current, TestDatabase.CLOCK);
    }

    @Override
    protected TierProgrammes programmes() {
        return new JpaTierProgrammes(current);
    }

    @Override
    protected CustomerTiers tiers() {
        return new JpaCustomerTiers(current);
    }

    @Override
    protected QualifyingActivity activity() {
        return new JpaQualifyingActivity(current);
    }

    @Override
    protected CustomerId aCustomer() {
        Customer customer = CustomerFixtures.aCustomer().build();
        TestDatabase.inTransaction(em -> {
            new JpaCustomers(em).add(customer);
            return null;
        });
        return customer.id();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected List<TierChanged> published(CustomerId customerId) {
        List<Object[]> rows = TestDatabase.inTransaction(
                em -> em.createNativeQuery("SELECT aggregate_id, payload FROM domain_event WHERE type = 'TIER_CHANGED'"
                                + " AND aggregate_id = ? ORDER BY id")
                        .setParameter(1, customerId.toString())
                        .getResultList());
        return rows.stream()
                .map(row -> {
                    JsonObject payload =
                            Json.createReader(new StringReader((String) row[1])).readObject();
                    return new TierChanged(
                            CustomerId.parse(payload.getJsonObject("customerId").getString("value")),
                            payload.getString("from"),
                            payload.getString("to"),
                            TierChangeCause.valueOf(payload.getString("cause")),
                            Instant.parse(payload.getString("occurredAt")));
                })
                .toList();
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return TestDatabase.inTransaction(em -> {
            current = em;
            return work.get();
        });
    }
}
