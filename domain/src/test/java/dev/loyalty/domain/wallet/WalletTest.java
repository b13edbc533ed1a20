package dev.loyalty.domain.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WalletTest {

    private static final CustomerId MARCO = CustomerId.parse("0b7e6c1e-6f4c-4d0e-9a53-3f1d2c9b8a01");
    private static final Instant DEC_01 = Instant.parse("2024-12-01T10:00:00Z");
    private static final Instant DEC_15 = Instant.parse("2024-12-15T10:00:00Z");
    private static final Instant JAN_10 = Instant.parse("2025-01-10T10:00:00Z");
    private static final Instant JAN_31 = Instant.parse("2025-01-31T23:59:59Z");
    private static final Instant FEB_01 = Instant.parse("2025-02-01T00:00:00Z");
    private static final Instant FEB_10 = Instant.parse("2025-02-10T10:00:00Z");
    private static final Instant MAR_31 = Instant.parse("2025-03-31T23:59:59Z");
    private static final Instant APR_01 = Instant.parse("2025-04-01T00:00:00Z");

    private static Points pts(long value) {
        return Points.of(value);
    }

    /** Earn 100 (P1) expiring end of January, then 50 (P2) expiring end of March. */
    private static Wallet twoEarnings() {
        Wallet wallet = Wallet.open(MARCO);
        wallet.earn(pts(100), "purchase", "P1", DEC_01, JAN_31);
        wallet.earn(pts(50), "purchase", "P2", DEC_15, MAR_31);
        return wallet;
    }

    @Nested
    class Balance {

        @Test
        void aNewWalletIsEmpty() {
            Wallet wallet = Wallet.open(MARCO);
            assertThat(wallet.balance()).isEqualTo(Points.ZERO);
            assertThat(wallet.entries()).isEmpty();
            assertThat(wallet.version()).isZero();
            assertThat(wallet.customerId()).isEqualTo(MARCO);
        }

        @Test
        void isTheSumOfTheEntries() {
            Wallet wallet = twoEarnings();
            wallet.burn(pts(30), "reward claim", "R9", JAN_10);
            wallet.adjust(5, "goodwill", "T-1", JAN_10);
            wallet.adjust(-15, "correction", null, JAN_10);

            assertThat(wallet.balance()).isEqualTo(pts(110));
            assertThat(wallet.entries()).extracting(WalletEntry::points).containsExactly(100L, 50L, -30L, 5L, -15L);
            assertThat(wallet.entries()).extracting(WalletEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        }

        @Test
        void earnReturnsTheEventWithTheBalanceAfter() {
            Wallet wallet = Wallet.open(MARCO);
            List<WalletEvent> events = wallet.earn(pts(100), "purchase", "P1", DEC_01, JAN_31);

            assertThat(events)
                    .containsExactly(new PointsEarned(MARCO, 1, pts(100), "purchase", "P1", JAN_31, pts(100), DEC_01));
            assertThat(events.get(0).aggregateId()).isEqualTo(MARCO.toString());
            assertThat(events.get(0).type()).isEqualTo("POINTS_EARNED");
        }

        @Test
        void earningNothingIsRefused() {
            Wallet wallet = Wallet.open(MARCO);
            assertThatThrownBy(() -> wallet.earn(Points.ZERO, "purchase", "P1", DEC_01, null))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("points"));
            assertThatThrownBy(() -> wallet.earn(pts(5), "purchase", "P1", DEC_01, DEC_01))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("expiresAt"));
            assertThat(wallet.entries()).isEmpty();
        }
    }

    @Nested
    class NeverNegative {

        @Test
        void burningMoreThanTheBalanceIsRefusedAndChangesNothing() {
            Wallet wallet = twoEarnings();

            assertThatThrownBy(() -> wallet.burn(pts(151), "reward claim", "R1", JAN_10))
                    .isInstanceOfSatisfying(InsufficientPointsException.class, e -> {
                        assertThat(e.code()).isEqualTo("insufficient-points");
                        assertThat(e.balance()).isEqualTo(pts(150));
                        assertThat(e.requested()).isEqualTo(pts(151));
                    });
            assertThat(wallet.entries()).hasSize(2);
            assertThat(wallet.pendingEntries()).hasSize(2);
        }

        @Test
        void burningExactlyTheBalanceLeavesZero() {
            Wallet wallet = twoEarnings();
            List<WalletEvent> events = wallet.burn(pts(150), "reward claim", "R1", JAN_10);

            assertThat(events)
                    .containsExactly(new PointsBurned(MARCO, 3, pts(150), "reward claim", "R1", Points.ZERO, JAN_10));
            assertThat(wallet.balance()).isEqualTo(Points.ZERO);
        }

        @Test
        void aNegativeAdjustmentCannotGoBelowZero() {
            Wallet wallet = twoEarnings();
            assertThatThrownBy(() -> wallet.adjust(-151, "correction", null, JAN_10))
                    .isInstanceOf(InsufficientPointsException.class);
            assertThat(wallet.adjust(-150, "correction", null, JAN_10))
                    .containsExactly(new PointsAdjusted(MARCO, 3, -150, "correction", null, Points.ZERO, JAN_10));
        }

        @Test
        void aLedgerThatGoesBelowZeroCannotBeReconstituted() {
            List<WalletEntry> entries = List.of(
                    new WalletEntry(1, WalletEntryType.EARN, 10, "purchase", "P1", DEC_01, null),
                    new WalletEntry(2, WalletEntryType.BURN, -11, "reward claim", null, DEC_15, null));
            assertThatThrownBy(() -> Wallet.reconstitute(MARCO, entries, 3))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("entries"));
        }
    }

    @Nested
    class FifoExpiry {

        @Test
        void burnsConsumeTheOldestEarningFirstSoNothingIsLeftToExpireInJanuary() {
            Wallet wallet = twoEarnings();
            wallet.burn(pts(120), "reward claim", "R1", JAN_10);
            // P1: 100 - 100 = 0 left; P2: 50 - 20 = 30 left.

            assertThat(wallet.expire(FEB_01)).isEmpty();
            assertThat(wallet.balance()).isEqualTo(pts(30));

            assertThat(wallet.expire(APR_01))
                    .containsExactly(new PointsExpired(MARCO, 4, pts(30), Points.ZERO, APR_01));
            assertThat(wallet.balance()).isEqualTo(Points.ZERO);
        }

        @Test
        void whatABurnDidNotConsumeExpires() {
            Wallet wallet = twoEarnings();
            wallet.burn(pts(70), "reward claim", "R1", JAN_10);
            // P1: 30 left, expiring end of January; P2: 50 untouched.

            assertThat(wallet.dueToExpireAt(JAN_10)).isEqualTo(Points.ZERO);
            assertThat(wallet.dueToExpireAt(FEB_01)).isEqualTo(pts(30));
            assertThat(wallet.expire(FEB_01)).containsExactly(new PointsExpired(MARCO, 4, pts(30), pts(50), FEB_01));
            assertThat(wallet.expire(APR_01))
                    .containsExactly(new PointsExpired(MARCO, 5, pts(50), Points.ZERO, APR_01));
        }

        @Test
        void expiryIsDueAtTheExpiryInstantItself() {
            Wallet wallet = twoEarnings();
            assertThat(wallet.dueToExpireAt(JAN_31.minusSeconds(1))).isEqualTo(Points.ZERO);
            assertThat(wallet.dueToExpireAt(JAN_31)).isEqualTo(pts(100));
        }

        @Test
        void expiringTwiceAtTheSameTimeExpiresNothingMore() {
            Wallet wallet = twoEarnings();
            assertThat(wallet.expire(FEB_01)).hasSize(1);

            assertThat(wallet.expire(FEB_01)).isEmpty();
            assertThat(wallet.expire(FEB_10)).isEmpty();
            assertThat(wallet.balance()).isEqualTo(pts(50));
            assertThat(wallet.entries()).hasSize(3);
        }

        @Test
        void expiryIsIdempotentAcrossAReload() {
            Wallet wallet = twoEarnings();
            wallet.burn(pts(70), "reward claim", "R1", JAN_10);
            wallet.expire(FEB_01);

            Wallet reloaded = Wallet.reconstitute(MARCO, wallet.entries(), 1);
            assertThat(reloaded.expire(FEB_01)).isEmpty();
            assertThat(reloaded.dueToExpireAt(APR_01)).isEqualTo(pts(50));
        }

        @Test
        void aBurnAfterAnExpiryDateCannotSpendTheExpiredPoints() {
            Wallet wallet = twoEarnings();

            // 100 points expired at the end of January: only 50 are left in February.
            assertThatThrownBy(() -> wallet.burn(pts(120), "reward claim", "R1", FEB_10))
                    .isInstanceOfSatisfying(InsufficientPointsException.class, e -> {
                        assertThat(e.balance()).isEqualTo(pts(50));
                        assertThat(e.requested()).isEqualTo(pts(120));
                    });
            assertThat(wallet.entries()).hasSize(2);
        }

        @Test
        void aBurnFirstRecordsTheExpiryThatWasDue() {
            Wallet wallet = twoEarnings();

            List<WalletEvent> events = wallet.burn(pts(30), "reward claim", "R1", FEB_10);

            assertThat(events)
                    .containsExactly(
                            new PointsExpired(MARCO, 3, pts(100), pts(50), FEB_10),
                            new PointsBurned(MARCO, 4, pts(30), "reward claim", "R1", pts(20), FEB_10));
            assertThat(wallet.entries())
                    .extracting(WalletEntry::type)
                    .containsExactly(
                            WalletEntryType.EARN, WalletEntryType.EARN, WalletEntryType.EXPIRE, WalletEntryType.BURN);
        }

        @Test
        void pointsWithoutExpiryNeverExpire() {
            Wallet wallet = Wallet.open(MARCO);
            wallet.earn(pts(10), "welcome", "W1", DEC_01, null);
            wallet.adjust(5, "goodwill", null, DEC_01);
            assertThat(wallet.expire(Instant.parse("2099-01-01T00:00:00Z"))).isEmpty();
        }

        @Test
        void aReconstitutedLedgerReplaysTheSameLots() {
            List<WalletEntry> entries = List.of(
                    new WalletEntry(1, WalletEntryType.EARN, 100, "purchase", "P1", DEC_01, JAN_31),
                    new WalletEntry(2, WalletEntryType.EARN, 50, "purchase", "P2", DEC_15, MAR_31),
                    new WalletEntry(3, WalletEntryType.BURN, -120, "reward claim", "R1", JAN_10, null),
                    // the burn is given back: a non-expiring lot of 40
                    new WalletEntry(4, WalletEntryType.REVERSE, 40, "reward cancelled", "R1", JAN_10, null));
            Wallet wallet = Wallet.reconstitute(MARCO, entries, 7);

            assertThat(wallet.balance()).isEqualTo(pts(70));
            assertThat(wallet.dueToExpireAt(FEB_01)).isEqualTo(Points.ZERO);
            assertThat(wallet.dueToExpireAt(APR_01)).isEqualTo(pts(30));
        }
    }

    @Nested
    class Reversal {

        @Test
        void partialThenWhole() {
            Wallet wallet = Wallet.open(MARCO);
            wallet.earn(pts(100), "purchase", "P1", DEC_01, null);

            assertThat(wallet.reverse("P1", pts(40), "refund", DEC_15))
                    .containsExactly(
                            new PointsReversed(MARCO, 2, "P1", pts(40), Points.ZERO, "refund", pts(60), DEC_15));
            assertThat(wallet.reversibleFor("P1")).isEqualTo(pts(60));

            assertThat(wallet.reverse("P1", pts(60), "refund", DEC_15))
                    .containsExactly(
                            new PointsReversed(MARCO, 3, "P1", pts(60), Points.ZERO, "refund", Points.ZERO, DEC_15));
            assertThat(wallet.reversibleFor("P1")).isEqualTo(Points.ZERO);
            assertThat(wallet.balance()).isEqualTo(Points.ZERO);
        }

        @Test
        void overReversalIsRefusedAndChangesNothing() {
            Wallet wallet = Wallet.open(MARCO);
            wallet.earn(pts(100), "purchase", "P1", DEC_01, null);
            wallet.reverse("P1", pts(30), "refund", DEC_15);

            assertThatThrownBy(() -> wallet.reverse("P1", pts(71), "refund", DEC_15))
                    .isInstanceOfSatisfying(ReversalExceedsEarnedException.class, e -> {
                        assertThat(e.code()).isEqualTo("reversal-exceeds-earned");
                        assertThat(e.reference()).isEqualTo("P1");
                        assertThat(e.reversible()).isEqualTo(pts(70));
                        assertThat(e.requested()).isEqualTo(pts(71));
                    });
            assertThat(wallet.entries()).hasSize(2);
        }

        @Test
        void aReferenceThatEarnedNothingHasNothingToReverse() {
            Wallet wallet = twoEarnings();
            assertThatThrownBy(() -> wallet.reverse("P404", pts(1), "refund", DEC_15))
                    .isInstanceOfSatisfying(ReversalExceedsEarnedException.class, e -> assertThat(e.reversible())
                            .isEqualTo(Points.ZERO));
            assertThatThrownBy(() -> wallet.reverse(" ", pts(1), "refund", DEC_15))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void spentPointsAreClawedBackToZeroAndTheShortfallIsDebt() {
            Wallet wallet = Wallet.open(MARCO);
            wallet.earn(pts(100), "purchase", "P1", DEC_01, null);
            wallet.burn(pts(80), "reward claim", "R1", DEC_01);

            List<WalletEvent> events = wallet.reverse("P1", pts(100), "refund", DEC_15);

            assertThat(events)
                    .containsExactly(
                            new PointsReversed(MARCO, 3, "P1", pts(20), pts(80), "refund", Points.ZERO, DEC_15));
            WalletEntry reversal = wallet.entries().get(2);
            assertThat(reversal.points()).isEqualTo(-20);
            assertThat(reversal.debt()).isEqualTo(80);
            assertThat(wallet.balance()).isEqualTo(Points.ZERO);
        }

        @Test
        void theDebtCountsAsReversedSoItIsNotTakenTwiceEvenAfterAReload() {
            Wallet wallet = Wallet.open(MARCO);
            wallet.earn(pts(100), "purchase", "P1", DEC_01, null);
            wallet.burn(pts(100), "reward claim", "R1", DEC_01);
            wallet.reverse("P1", pts(100), "refund", DEC_15);
            wallet.earn(pts(500), "purchase", "P2", JAN_10, null);

            Wallet reloaded = Wallet.reconstitute(MARCO, wallet.entries(), 2);

            WalletEntry reversal = reloaded.entries().get(2);
            assertThat(reversal.points()).isZero();
            assertThat(reversal.debt()).isEqualTo(100);
            assertThat(reloaded.reversibleFor("P1")).isEqualTo(Points.ZERO);
            assertThatThrownBy(() -> reloaded.reverse("P1", pts(1), "refund", JAN_10))
                    .isInstanceOf(ReversalExceedsEarnedException.class);
            assertThat(reloaded.balance()).isEqualTo(pts(500));
        }

        @Test
        void aReversalTakesBackItsOwnEarningNotTheOldestOne() {
            Wallet wallet = twoEarnings();
            wallet.reverse("P2", pts(50), "refund", DEC_15);

            // P1 is untouched: all of its 100 points still expire at the end of January.
            assertThat(wallet.expire(FEB_01))
                    .containsExactly(new PointsExpired(MARCO, 4, pts(100), Points.ZERO, FEB_01));
        }
    }

    @Nested
    class Persistence {

        @Test
        void onlyTheNewEntriesArePending() {
            Wallet stored = twoEarnings();
            Wallet wallet = Wallet.reconstitute(MARCO, stored.entries(), 4);
            assertThat(wallet.pendingEntries()).isEmpty();

            List<WalletEvent> events = wallet.burn(pts(10), "reward claim", "R1", JAN_10);

            assertThat(wallet.pendingEntries())
                    .extracting(WalletEntry::sequence)
                    .containsExactly(3L);
            assertThat(events).extracting(WalletEvent::sequence).containsExactly(3L);
            assertThat(wallet.version()).isEqualTo(4);
        }

        @Test
        void entriesMustBeNumberedFromOneWithoutGaps() {
            List<WalletEntry> gap = List.of(
                    new WalletEntry(1, WalletEntryType.EARN, 10, "purchase", "P1", DEC_01, null),
                    new WalletEntry(3, WalletEntryType.EARN, 10, "purchase", "P2", DEC_01, null));
            assertThatThrownBy(() -> Wallet.reconstitute(MARCO, gap, 1)).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> Wallet.reconstitute(MARCO, List.of(), -1))
                    .isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> Wallet.open(null)).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void walletsAreTheSameWhenTheirCustomerIs() {
            assertThat(Wallet.open(MARCO)).isEqualTo(twoEarnings()).hasSameHashCodeAs(twoEarnings());
            assertThat(Wallet.open(MARCO).toString()).contains(MARCO.toString()).contains("balance=0");
        }
    }

    @Nested
    class NextExpiry {

        @Test
        void isTheEarliestExpiryOfPointsStillHeldAndMovesOnAsLotsAreUsed() {
            Wallet wallet = twoEarnings();
            Instant first = wallet.entries().get(0).expiresAt();
            Instant second = wallet.entries().get(1).expiresAt();

            assertThat(wallet.nextExpiry()).contains(first);
            wallet.burn(pts(wallet.entries().get(0).points()), "reward", "RW-1", DEC_15);
            assertThat(wallet.nextExpiry()).contains(second);
            wallet.burn(wallet.balance(), "reward", "RW-2", DEC_15);
            assertThat(wallet.nextExpiry()).isEmpty();
        }

        @Test
        void isEmptyWhenNothingHeldExpires() {
            Wallet wallet = Wallet.open(MARCO);
            wallet.earn(pts(10), "purchase", "P-1", DEC_01, null);

            assertThat(wallet.nextExpiry()).isEmpty();
        }
    }
}
