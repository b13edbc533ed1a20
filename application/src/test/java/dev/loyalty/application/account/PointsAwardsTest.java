package dev.loyalty.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.WalletEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A batch's held wallets: awards kept in their heads, saved together once the batch's work is done. */
class PointsAwardsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final InMemoryWallets wallets = new InMemoryWallets();
    private final List<DomainEvent> events = new ArrayList<>();
    private final PointsAwards points = new PointsAwards(wallets, () -> Optional.of(Duration.ofDays(365)), events::add);

    @Test
    void awardsToHeldWalletsAreSavedTogetherWhenTheBatchIsDone() {
        CustomerId anna = CustomerId.newId();
        CustomerId bruno = CustomerId.newId();
        CustomerId carla = CustomerId.newId();

        String answer = points.holding(wallets.lockedHeads(List.of(anna, bruno)), () -> {
            points.award(anna, Points.of(10), "rule", "rule:a", NOW);
            points.award(anna, Points.of(5), "rule", "rule:b", NOW);
            points.award(carla, Points.of(7), "rule", "rule:a", NOW);
            assertThat(wallets.balanceOf(anna))
                    .as("a held wallet is saved when the batch is done")
                    .isEqualTo(Points.of(0));
            assertThat(wallets.balanceOf(carla))
                    .as("a wallet the batch does not hold is saved at once")
                    .isEqualTo(Points.of(7));
            return "done";
        });

        assertThat(answer).isEqualTo("done");
        assertThat(wallets.balanceOf(anna)).isEqualTo(Points.of(15));
        assertThat(wallets.entries(anna, 0, 10).stream()
                        .sorted(java.util.Comparator.comparingLong(WalletEntry::sequence))
                        .map(entry -> entry.sequence() + " " + entry.reference()))
                .as("in the order awarded, one sequence each")
                .containsExactly("1 rule:a", "2 rule:b");
        assertThat(wallets.balanceOf(bruno)).as("held, awarded nothing").isEqualTo(Points.of(0));
        assertThat(events).hasSize(3);
    }

    @Test
    void aBatchThatFailsSavesNothingOfItsHeldWalletsAndTheNextBatchStartsAfresh() {
        CustomerId anna = CustomerId.newId();

        assertThatThrownBy(() -> points.holding(wallets.lockedHeads(List.of(anna)), () -> {
                    points.award(anna, Points.of(10), "rule", "rule:a", NOW);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(wallets.balanceOf(anna)).isEqualTo(Points.of(0));
        assertThat(events).isEmpty();
        points.award(anna, Points.of(3), "rule", "rule:b", NOW);
        assertThat(wallets.balanceOf(anna))
                .as("outside a batch again: saved at once")
                .isEqualTo(Points.of(3));
    }
}
