package dev.loyalty.domain.tier;

import static dev.loyalty.domain.tier.TierFixtures.programme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerTierTest {

    private static final CustomerId MARCO = CustomerId.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private final TierProgramme programme = programme();

    @Test
    void aNewCustomerStartsInTheFirstTierUnstored() {
        CustomerTier fresh = CustomerTier.starting(MARCO, programme);

        assertThat(fresh.tierName()).isEqualTo("Bronze");
        assertThat(fresh.isNew()).isTrue();
        assertThat(fresh.since()).isEmpty();
        assertThat(fresh.reviewAt()).isEmpty();
    }

    @Test
    void aChangeStartsTheTierNowToBeReviewedAReviewPeriodLater() {
        CustomerTier standing = CustomerTier.starting(MARCO, programme);

        var event =
                standing.apply(programme, new TierMovement.Change(programme.tier(1), TierChangeCause.PURCHASE), NOW);

        assertThat(event).contains(new TierChanged(MARCO, "Bronze", "Silver", TierChangeCause.PURCHASE, NOW));
        assertThat(event.get().type()).isEqualTo("TIER_CHANGED");
        assertThat(event.get().aggregateId()).isEqualTo(MARCO.toString());
        assertThat(standing.tierName()).isEqualTo("Silver");
        assertThat(standing.since()).contains(NOW);
        assertThat(standing.reviewAt()).contains(Instant.parse("2027-03-10T09:00:00Z"));
    }

    @Test
    void downToTheFirstTierThereIsNothingLeftToReview() {
        CustomerTier standing = CustomerTier.reconstitute(MARCO, "Silver", NOW, NOW, null, 4);

        standing.apply(programme, new TierMovement.Change(programme.tier(0), TierChangeCause.REVIEW), NOW);

        assertThat(standing.reviewAt()).isEmpty();
    }

    @Test
    void aRenewalMovesTheReviewDateOnWithoutEvent() {
        CustomerTier standing = CustomerTier.reconstitute(MARCO, "Silver", NOW.minusSeconds(9), NOW, null, 4);

        assertThat(standing.apply(programme, new TierMovement.Renew(), NOW)).isEmpty();
        assertThat(standing.reviewAt()).contains(Instant.parse("2027-03-10T09:00:00Z"));
        assertThat(standing.since()).contains(NOW.minusSeconds(9));
    }

    @Test
    void anAdministratorHoldsATierUntilADateAndItIsReviewedThen() {
        CustomerTier standing = CustomerTier.starting(MARCO, programme);
        Instant until = Instant.parse("2026-06-30T00:00:00Z");

        var event = standing.override(programme, programme.tier(2), until, NOW);

        assertThat(event).contains(new TierChanged(MARCO, "Bronze", "Gold", TierChangeCause.ADMIN, NOW));
        assertThat(standing.isHeldAt(until.minusSeconds(1))).isTrue();
        assertThat(standing.isHeldAt(until)).isFalse();
        assertThat(standing.reviewAt()).contains(until);
    }

    @Test
    void anOverrideToTheSameTierChangesOnlyItsHold() {
        CustomerTier standing = CustomerTier.reconstitute(MARCO, "Gold", NOW.minusSeconds(60), NOW, null, 2);

        assertThat(standing.override(programme, programme.tier(2), null, NOW)).isEmpty();
        assertThat(standing.since()).contains(NOW.minusSeconds(60));
        assertThat(standing.reviewAt()).contains(programme.reviewAfter(NOW));
    }

    @Test
    void aHoldEndsInTheFuture() {
        CustomerTier standing = CustomerTier.starting(MARCO, programme);

        assertThatThrownBy(() -> standing.override(programme, programme.tier(1), NOW, NOW))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("until"));
    }
}
