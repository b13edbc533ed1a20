package dev.loyalty.application.tier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.tier.TierChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract against the in-memory review, the policy applied customer by customer. */
class InMemoryTierReviewsTest extends TierReviewsContract {

    private final InMemoryTierProgrammes programmes = new InMemoryTierProgrammes();
    private final InMemoryCustomerTiers tiers = new InMemoryCustomerTiers();
    private final InMemoryQualifyingActivity activity = new InMemoryQualifyingActivity();
    private final List<DomainEvent> events = new ArrayList<>();
    private final InMemoryTierReviews reviews = new InMemoryTierReviews(programmes, tiers, activity, events::add);

    @Override
    protected TierReviews reviews() {
        return reviews;
    }

    @Override
    protected TierProgrammes programmes() {
        return programmes;
    }

    @Override
    protected CustomerTiers tiers() {
        return tiers;
    }

    @Override
    protected QualifyingActivity activity() {
        return activity;
    }

    @Override
    protected CustomerId aCustomer() {
        return CustomerId.newId();
    }

    @Override
    protected List<TierChanged> published(CustomerId customerId) {
        return events.stream()
                .filter(e ->
                        e instanceof TierChanged changed && changed.customerId().equals(customerId))
                .map(TierChanged.class::cast)
                .toList();
    }

    @Test
    void withoutProgrammeThereIsNothingToReview() {
        assertThat(reviews.reviewNextBatch(Instant.parse("2030-01-01T00:00:00Z"), 10)
                        .finished())
                .isTrue();
    }
}
