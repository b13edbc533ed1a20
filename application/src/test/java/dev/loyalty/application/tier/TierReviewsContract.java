package dev.loyalty.application.tier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.tier.CustomerTier;
import dev.loyalty.domain.tier.QualifyingWindow;
import dev.loyalty.domain.tier.TierChangeCause;
import dev.loyalty.domain.tier.TierChanged;
import dev.loyalty.domain.tier.TierFixtures;
import dev.loyalty.domain.tier.TierMetric;
import dev.loyalty.domain.tier.TierProgramme;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TierReviews} implementation must do: the decisions of
 * {@link dev.loyalty.domain.tier.TierMovementPolicy#atReview}, each applied once, audited and
 * published, in batches that a second call goes on with. The store may hold other customers: the
 * tests look only at their own, and each review stands for an instant of its own.
 */
public abstract class TierReviewsContract {

    /** Every review of this class stands for its own instant, far from any other test's. */
    private static final AtomicLong NEXT = new AtomicLong();

    private static final Duration DAY = Duration.ofDays(1);

    protected abstract TierReviews reviews();

    protected abstract TierProgrammes programmes();

    protected abstract CustomerTiers tiers();

    protected abstract QualifyingActivity activity();

    /** @return a customer the store accepts (enrolled, where standings reference customers) */
    protected abstract CustomerId aCustomer();

    /** @return the {@code TIER_CHANGED} events published for the customer, oldest first */
    protected abstract List<TierChanged> published(CustomerId customerId);

    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    private Instant anInstant() {
        return Instant.parse("2031-06-15T10:00:00Z")
                .plus(Duration.ofMinutes(NEXT.incrementAndGet() + System.nanoTime() % 100_000))
                .truncatedTo(ChronoUnit.MICROS);
    }

    private void set(TierProgramme programme) {
        inTransaction(() -> programmes().replace(programme, Instant.parse("2026-01-01T00:00:00Z"), "contract"));
    }

    private CustomerId customerIn(String tier, Instant reviewAt, Instant heldUntil) {
        CustomerId id = aCustomer();
        inTransaction(() -> {
            CustomerTier standing = tiers().lockedOrStarted(
                            id,
                            programmes().current().orElseThrow().programme(),
                            Instant.parse("2026-01-01T00:00:00Z"));
            tiers().save(CustomerTier.reconstitute(
                    id, tier, Instant.parse("2026-01-01T00:00:00Z"), reviewAt, heldUntil, standing.version()));
            return null;
        });
        return id;
    }

    private void spent(CustomerId id, Instant at, long cents) {
        inTransaction(() -> {
            activity().add(id, QualifyingWindow.monthOf(at), cents, cents / 100);
            return null;
        });
    }

    private ReviewProgress review(Instant at, int batchSize) {
        ReviewProgress progress;
        do {
            progress = inTransaction(() -> reviews().reviewNextBatch(at, batchSize));
        } while (!progress.finished());
        return progress;
    }

    private CustomerTier standing(CustomerId id) {
        return inTransaction(() -> tiers().byCustomer(id)).orElseThrow();
    }

    @Test
    public void aReviewUpgradesWhoeverReachesAHigherTierAndAuditsAndPublishesIt() {
        set(TierFixtures.programme());
        Instant at = anInstant();
        CustomerId never = aCustomer();
        spent(never, at, TierFixtures.SILVER_FROM + 1);

        ReviewProgress progress = review(at, 500);

        assertThat(progress.finished()).isTrue();
        assertThat(progress.upgraded()).isPositive();
        CustomerTier silver = standing(never);
        assertThat(silver.tierName()).isEqualTo("Silver");
        assertThat(silver.since()).contains(at);
        assertThat(silver.reviewAt()).contains(TierFixtures.programme().reviewAfter(at));
        assertThat(published(never))
                .containsExactly(new TierChanged(never, "Bronze", "Silver", TierChangeCause.REVIEW, at));
        TierHistoryEntry entry = inTransaction(() -> tiers().history(never, 10)).get(0);
        assertThat(entry.cause()).isEqualTo(TierChangeCause.REVIEW);
        assertThat(entry.qualifying()).isEqualTo(TierFixtures.SILVER_FROM + 1);
        assertThat(entry.reference()).isEqualTo("review:" + at);
    }

    @Test
    public void belowTheThresholdATierGoesDownOneStepOnceTheGraceHasPassedNotBefore() {
        set(TierFixtures.programme());
        Instant at = anInstant();
        CustomerId pastGrace = customerIn("Gold", at.minus(DAY.multipliedBy(31)), null);
        CustomerId inGrace = customerIn("Gold", at.minus(DAY.multipliedBy(10)), null);
        CustomerId notDue = customerIn("Gold", at.plus(DAY), null);
        spent(pastGrace, at, 10);

        review(at, 500);

        assertThat(standing(pastGrace).tierName()).isEqualTo("Silver");
        assertThat(standing(pastGrace).reviewAt())
                .contains(TierFixtures.programme().reviewAfter(at));
        assertThat(published(pastGrace))
                .containsExactly(new TierChanged(pastGrace, "Gold", "Silver", TierChangeCause.REVIEW, at));
        assertThat(standing(inGrace).tierName()).isEqualTo("Gold");
        assertThat(standing(notDue).tierName()).isEqualTo("Gold");
        assertThat(published(inGrace)).isEmpty();
        assertThat(published(notDue)).isEmpty();
    }

    @Test
    public void aProgrammeMayTakeATierStraightDownToWhatTheMetricReaches() {
        set(TierFixtures.programme(TierMetric.NET_SPEND, 12, 0, 12, false));
        Instant at = anInstant();
        CustomerId gold = customerIn("Gold", at.minus(DAY), null);

        review(at, 500);

        assertThat(standing(gold).tierName()).isEqualTo("Bronze");
        assertThat(standing(gold).reviewAt())
                .as("the first tier is never reviewed")
                .isEmpty();
    }

    @Test
    public void aTierWhoseThresholdIsMetAtItsReviewIsRenewedQuietly() {
        set(TierFixtures.programme());
        Instant at = anInstant();
        CustomerId silver = customerIn("Silver", at.minus(DAY), null);
        spent(silver, at.minus(DAY.multipliedBy(40)), TierFixtures.SILVER_FROM);

        ReviewProgress progress = review(at, 500);

        assertThat(standing(silver).tierName()).isEqualTo("Silver");
        assertThat(standing(silver).reviewAt())
                .contains(TierFixtures.programme().reviewAfter(at));
        assertThat(progress.renewed()).isPositive();
        assertThat(published(silver)).isEmpty();
    }

    @Test
    public void refundsCountInTheMonthOfThePurchaseAndTheReviewSeesThem() {
        set(TierFixtures.programme());
        Instant at = anInstant();
        CustomerId refunded = customerIn("Silver", at.minus(DAY.multipliedBy(60)), null);
        spent(refunded, at, TierFixtures.SILVER_FROM);
        spent(refunded, at, -TierFixtures.SILVER_FROM);

        review(at, 500);

        assertThat(standing(refunded).tierName()).isEqualTo("Bronze");
    }

    @Test
    public void onlyTheWindowsMonthsCount() {
        set(TierFixtures.programme(TierMetric.POINTS_EARNED, 3, 0, 3, true));
        Instant at = anInstant();
        CustomerId old = aCustomer();
        CustomerId recent = aCustomer();
        // POINTS_EARNED: spent() adds cents / 100 points
        spent(old, at.minus(DAY.multipliedBy(130)), TierFixtures.SILVER_FROM * 100);
        spent(recent, at.minus(DAY.multipliedBy(40)), TierFixtures.SILVER_FROM * 100);

        review(at, 500);

        assertThat(inTransaction(() -> tiers().byCustomer(old)))
                .map(CustomerTier::tierName)
                .isEmpty();
        assertThat(standing(recent).tierName()).isEqualTo("Silver");
    }

    @Test
    public void aTierHeldByAnAdministratorDoesNotMove() {
        set(TierFixtures.programme());
        Instant at = anInstant();
        CustomerId held = customerIn("Silver", at.minus(DAY.multipliedBy(40)), at.plus(DAY));
        spent(held, at, TierFixtures.GOLD_FROM);

        review(at, 500);

        assertThat(standing(held).tierName()).isEqualTo("Silver");
        assertThat(published(held)).isEmpty();
    }

    @Test
    public void aTierTheProgrammeNoLongerHasIsReplacedByTheOneTheMetricReaches() {
        set(TierFixtures.programme());
        Instant at = anInstant();
        CustomerId platinum = customerIn("Platinum", at.plus(DAY.multipliedBy(300)), null);
        spent(platinum, at, TierFixtures.SILVER_FROM);

        ReviewProgress progress = review(at, 500);

        assertThat(standing(platinum).tierName()).isEqualTo("Silver");
        assertThat(progress.placed()).isPositive();
        assertThat(published(platinum))
                .containsExactly(new TierChanged(platinum, "Platinum", "Silver", TierChangeCause.PROGRAMME, at));
    }

    @Test
    public void aRunGoesOnWhereItStoppedAndAFinishedRunDoesNothingAgain() {
        set(TierFixtures.programme());
        Instant at = anInstant();
        CustomerId first = aCustomer();
        CustomerId second = aCustomer();
        CustomerId third = aCustomer();
        for (CustomerId id : List.of(first, second, third)) {
            spent(id, at, TierFixtures.SILVER_FROM);
        }

        ReviewProgress partial = inTransaction(() -> reviews().reviewNextBatch(at, 1));
        ReviewProgress done = review(at, 2);
        spent(first, at, TierFixtures.GOLD_FROM);
        ReviewProgress again = review(at, 2);

        assertThat(partial.customers()).isEqualTo(1);
        assertThat(done.finished()).isTrue();
        assertThat(again).isEqualTo(done);
        for (CustomerId id : List.of(first, second, third)) {
            assertThat(standing(id).tierName()).isEqualTo("Silver");
            assertThat(published(id)).hasSize(1);
            assertThat(inTransaction(() -> tiers().history(id, 10))).hasSize(1);
        }
    }
}
