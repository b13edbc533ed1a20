package dev.loyalty.domain.tier;

import static dev.loyalty.domain.tier.TierFixtures.GOLD_FROM;
import static dev.loyalty.domain.tier.TierFixtures.SILVER_FROM;
import static dev.loyalty.domain.tier.TierFixtures.programme;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.tier.TierMovement.Change;
import dev.loyalty.domain.tier.TierMovement.Renew;
import dev.loyalty.domain.tier.TierMovement.Stay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierMovementPolicyTest {

    private static final CustomerId MARCO = CustomerId.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static final Instant REACHED = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant REVIEW = Instant.parse("2027-01-10T09:00:00Z");

    private final TierMovementPolicy policy = new TierMovementPolicy();
    private final TierProgramme programme = programme();

    private static CustomerTier in(String tier) {
        return CustomerTier.reconstitute(MARCO, tier, REACHED, tier.equals("Bronze") ? null : REVIEW, null, 3);
    }

    @Test
    void aPurchaseCrossingAThresholdUpgradesAtOnceToTheHighestTierReached() {
        CustomerTier fresh = CustomerTier.starting(MARCO, programme);

        assertThat(policy.afterPurchase(programme, fresh, SILVER_FROM, REACHED))
                .isEqualTo(new Change(programme.tier(1), TierChangeCause.PURCHASE));
        assertThat(policy.afterPurchase(programme, fresh, GOLD_FROM + 1, REACHED))
                .isEqualTo(new Change(programme.tier(2), TierChangeCause.PURCHASE));
        assertThat(policy.afterPurchase(programme, fresh, SILVER_FROM - 1, REACHED))
                .isEqualTo(new Stay());
    }

    @Test
    void aPurchaseNeverDowngradesEvenLongAfterTheReviewDate() {
        Instant late = REVIEW.plus(Duration.ofDays(200));

        assertThat(policy.afterPurchase(programme, in("Gold"), 0, late)).isEqualTo(new Stay());
    }

    @Test
    void aPurchaseThatMeetsTheThresholdAgainAfterTheReviewDateRenewsTheTier() {
        assertThat(policy.afterPurchase(programme, in("Silver"), SILVER_FROM, REVIEW.plusSeconds(1)))
                .isEqualTo(new Renew());
        assertThat(policy.afterPurchase(programme, in("Silver"), SILVER_FROM, REVIEW.minusSeconds(1)))
                .as("not due yet: nothing to renew")
                .isEqualTo(new Stay());
    }

    @Test
    void aReviewBeforeTheReviewDateChangesNothingHoweverLowTheMetric() {
        assertThat(policy.atReview(programme, in("Gold"), 0, REVIEW.minusSeconds(1)))
                .isEqualTo(new Stay());
    }

    @Test
    void belowTheThresholdAtTheReviewDateTheTierHoldsForTheGracePeriod() {
        Instant graceEnds = REVIEW.plus(Duration.ofDays(30));

        assertThat(policy.atReview(programme, in("Gold"), SILVER_FROM, REVIEW)).isEqualTo(new Stay());
        assertThat(policy.atReview(programme, in("Gold"), SILVER_FROM, graceEnds.minusSeconds(1)))
                .isEqualTo(new Stay());
        assertThat(policy.atReview(programme, in("Gold"), SILVER_FROM, graceEnds))
                .isEqualTo(new Change(programme.tier(1), TierChangeCause.REVIEW));
    }

    @Test
    void aDowngradeIsOneTierAtATimeUnlessTheProgrammeSaysOtherwise() {
        Instant late = REVIEW.plus(Duration.ofDays(31));
        TierProgramme straightDown = TierFixtures.programme(TierMetric.NET_SPEND, 12, 30, 12, false);

        assertThat(policy.atReview(programme, in("Gold"), 0, late))
                .isEqualTo(new Change(programme.tier(1), TierChangeCause.REVIEW));
        assertThat(policy.atReview(straightDown, in("Gold"), 0, late))
                .isEqualTo(new Change(straightDown.tier(0), TierChangeCause.REVIEW));
    }

    @Test
    void aReviewThatFindsTheThresholdMetRenewsTheTier() {
        assertThat(policy.atReview(programme, in("Silver"), SILVER_FROM, REVIEW))
                .isEqualTo(new Renew());
    }

    @Test
    void aReviewUpgradesWhoeverReachesAHigherTierDueOrNot() {
        assertThat(policy.atReview(programme, in("Silver"), GOLD_FROM, REACHED.plusSeconds(60)))
                .isEqualTo(new Change(programme.tier(2), TierChangeCause.REVIEW));
        assertThat(policy.atReview(programme, CustomerTier.starting(MARCO, programme), SILVER_FROM, REACHED))
                .isEqualTo(new Change(programme.tier(1), TierChangeCause.REVIEW));
    }

    @Test
    void theFirstTierIsNeverReviewed() {
        assertThat(policy.atReview(programme, in("Bronze"), 0, REVIEW.plus(Duration.ofDays(400))))
                .isEqualTo(new Stay());
    }

    @Test
    void aTierHeldByAnAdministratorDoesNotMoveUntilTheHoldEnds() {
        CustomerTier held = CustomerTier.reconstitute(MARCO, "Silver", REACHED, REVIEW, REVIEW, 2);
        Instant during = REVIEW.minusSeconds(1);

        assertThat(policy.afterPurchase(programme, held, GOLD_FROM, during)).isEqualTo(new Stay());
        assertThat(policy.atReview(programme, held, 0, during)).isEqualTo(new Stay());
        assertThat(policy.atReview(programme, held, GOLD_FROM, REVIEW))
                .isEqualTo(new Change(programme.tier(2), TierChangeCause.REVIEW));
    }

    @Test
    void aCustomerWhoseTierTheProgrammeNoLongerHasIsPlacedByTheMetric() {
        TierProgramme renamed = new TierProgramme(
                TierMetric.NET_SPEND,
                12,
                30,
                12,
                true,
                List.of(programme.tier(0), new Tier("Argento", SILVER_FROM, 150), programme.tier(2)));

        assertThat(policy.afterPurchase(renamed, in("Silver"), SILVER_FROM + 5, REACHED))
                .isEqualTo(new Change(renamed.tier(1), TierChangeCause.PROGRAMME));
        assertThat(policy.atReview(renamed, in("Silver"), 10, REACHED))
                .isEqualTo(new Change(renamed.tier(0), TierChangeCause.PROGRAMME));
        assertThat(in("Silver").effectiveTier(renamed, SILVER_FROM).name()).isEqualTo("Argento");
        assertThat(in("silver").effectiveTier(programme, 0).name())
                .as("names are compared regardless of case")
                .isEqualTo("Silver");
    }
}
