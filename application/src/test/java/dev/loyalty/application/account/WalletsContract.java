package dev.loyalty.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.Wallet;
import dev.loyalty.domain.wallet.WalletEntry;
import dev.loyalty.domain.wallet.WalletEntryType;
import dev.loyalty.domain.wallet.WalletHead;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Wallets} implementation must do. An implementation that needs a transaction
 * per call overrides {@link #inTransaction}; {@link #aCustomer()} must give an id the store accepts
 * (an enrolled customer where wallets reference customers).
 */
public abstract class WalletsContract {

    static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    protected abstract Wallets wallets();

    protected abstract CustomerId aCustomer();

    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    private void save(Wallet wallet) {
        inTransaction(() -> {
            wallets().save(wallet);
            return null;
        });
    }

    private Wallet load(CustomerId id) {
        return inTransaction(() -> wallets().byCustomer(id)).orElseThrow();
    }

    @Test
    public void aCustomerWithoutAWalletHasNothing() {
        CustomerId id = aCustomer();

        assertThat(inTransaction(() -> wallets().byCustomer(id))).isEmpty();
        assertThat(inTransaction(() -> wallets().balanceOf(id))).isEqualTo(Points.of(0));
        assertThat(inTransaction(() -> wallets().entryCount(id))).isZero();
    }

    @Test
    public void theFirstSaveCreatesTheWalletAndLaterSavesAppend() {
        CustomerId id = aCustomer();
        Wallet wallet = Wallet.open(id);
        wallet.earn(Points.of(120), "purchase", "R-1", T0, T0.plusSeconds(86_400 * 365L));
        save(wallet);

        Wallet loaded = load(id);
        loaded.burn(Points.of(20), "reward", "RW-1", T0.plusSeconds(60));
        save(loaded);

        Wallet again = load(id);
        assertThat(again.balance()).isEqualTo(Points.of(100));
        assertThat(again.entries())
                .extracting(WalletEntry::type)
                .containsExactly(WalletEntryType.EARN, WalletEntryType.BURN);
        assertThat(again.entries()).isEqualTo(loaded.entries());
        assertThat(inTransaction(() -> wallets().balanceOf(id))).isEqualTo(Points.of(100));
    }

    @Test
    public void theBalanceReadAfterASaveInTheSameTransactionIsTheNewOne() {
        CustomerId id = aCustomer();
        Wallet wallet = Wallet.open(id);
        wallet.adjust(200, "welcome", null, T0);
        save(wallet);

        Points after = inTransaction(() -> {
            Wallet loaded = wallets().byCustomer(id).orElseThrow();
            loaded.adjust(50, "goodwill", null, T0.plusSeconds(1));
            wallets().save(loaded);
            return wallets().balanceOf(id);
        });

        assertThat(after).isEqualTo(Points.of(250));
    }

    @Test
    public void aStaleWalletCannotBeSaved() {
        CustomerId id = aCustomer();
        Wallet wallet = Wallet.open(id);
        wallet.adjust(50, "welcome", null, T0);
        save(wallet);
        Wallet first = load(id);
        Wallet second = load(id);
        first.burn(Points.of(30), "reward", "RW-1", T0.plusSeconds(1));
        second.burn(Points.of(30), "reward", "RW-2", T0.plusSeconds(2));
        save(first);

        assertThatThrownBy(() -> save(second)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(load(id).balance()).isEqualTo(Points.of(20));
    }

    @Test
    public void aLockedWalletIsCreatedEmptyWhenMissingAndThenSavedLikeAnyOther() {
        CustomerId id = aCustomer();

        Wallet locked = inTransaction(() -> {
            Wallet wallet = wallets().lockedForUpdate(id);
            wallet.earn(Points.of(40), "purchase", "P-1", T0, null);
            wallets().save(wallet);
            return wallet;
        });
        Wallet again = inTransaction(() -> {
            Wallet wallet = wallets().lockedForUpdate(id);
            wallet.burn(Points.of(15), "reward", "RW-1", T0.plusSeconds(1));
            wallets().save(wallet);
            return wallet;
        });

        assertThat(locked.entries()).hasSize(1);
        assertThat(again.balance()).isEqualTo(Points.of(25));
        assertThat(load(id).entries()).isEqualTo(again.entries());
        assertThat(inTransaction(() -> wallets().balanceOf(id))).isEqualTo(Points.of(25));
    }

    @Test
    public void aWalletIsDueForExpiryOnceItsEarliestPointsHeldExpire() {
        CustomerId id = aCustomer();
        Instant expiry = T0.plusSeconds(3_600);
        inTransaction(() -> {
            Wallet wallet = wallets().lockedForUpdate(id);
            wallet.earn(Points.of(10), "purchase", "P-1", T0, expiry);
            wallets().save(wallet);
            return null;
        });

        assertThat(inTransaction(() -> wallets().dueForExpiry(expiry.minusSeconds(1), 1_000)))
                .doesNotContain(id);
        assertThat(inTransaction(() -> wallets().dueForExpiry(expiry, 1_000))).contains(id);
        inTransaction(() -> {
            Wallet wallet = wallets().lockedForUpdate(id);
            wallet.expire(expiry);
            wallets().save(wallet);
            return null;
        });
        assertThat(inTransaction(() -> wallets().dueForExpiry(expiry.plusSeconds(60), 1_000)))
                .doesNotContain(id);
    }

    @Test
    public void aHeadCreditsWithoutTheLedgerAndTheWholeWalletSeesIt() {
        CustomerId id = aCustomer();
        Instant expiry = T0.plusSeconds(86_400);
        inTransaction(() -> {
            Wallet wallet = wallets().lockedForUpdate(id);
            wallet.earn(Points.of(30), "purchase", "P-1", T0, expiry.plusSeconds(60));
            wallets().save(wallet);
            return null;
        });

        inTransaction(() -> {
            WalletHead head = wallets().lockedHead(id);
            assertThat(head.balance()).isEqualTo(Points.of(30));
            head.earn(Points.of(12), "purchase", "P-2", T0.plusSeconds(5), expiry);
            wallets().save(head);
            return null;
        });

        Wallet whole = load(id);
        assertThat(whole.balance()).isEqualTo(Points.of(42));
        assertThat(whole.entries()).extracting(WalletEntry::sequence).containsExactly(1L, 2L);
        assertThat(inTransaction(() -> wallets().balanceOf(id))).isEqualTo(Points.of(42));
        assertThat(inTransaction(() -> wallets().dueForExpiry(expiry, 1_000))).contains(id);
    }

    @Test
    public void headsLockedTogetherAreSavedTogetherEachWithItsOwnBalanceExpiryAndLedger() {
        CustomerId had = aCustomer();
        CustomerId fresh = aCustomer();
        CustomerId third = aCustomer();
        Instant early = T0.plusSeconds(86_400);
        Instant late = T0.plusSeconds(86_400 * 30L);
        inTransaction(() -> {
            Wallet wallet = wallets().lockedForUpdate(had);
            wallet.earn(Points.of(30), "purchase", "P-1", T0, early);
            wallets().save(wallet);
            return null;
        });

        inTransaction(() -> {
            java.util.List<WalletHead> heads = wallets().lockedHeads(java.util.List.of(third, had, fresh));
            for (WalletHead head : heads) {
                head.earn(Points.of(head.customerId().equals(third) ? 7 : 10), "campaign", "C-1", T0, late);
            }
            wallets().saveHeads(heads);
            return null;
        });

        Wallet kept = load(had);
        assertThat(kept.balance()).isEqualTo(Points.of(40));
        assertThat(kept.entries()).extracting(WalletEntry::sequence).containsExactly(1L, 2L);
        assertThat(load(fresh).balance()).isEqualTo(Points.of(10));
        assertThat(load(third).balance()).isEqualTo(Points.of(7));
        assertThat(load(third).entries()).extracting(WalletEntry::sequence).containsExactly(1L);
        // the earlier points still expire first in the wallet that had them; the new ones in the others
        assertThat(inTransaction(() -> wallets().dueForExpiry(early, 1_000)))
                .contains(had)
                .doesNotContain(fresh, third);
        assertThat(inTransaction(() -> wallets().dueForExpiry(late, 1_000))).contains(had, fresh, third);
    }

    @Test
    public void headsSavedTogetherFailAllWhenOneOfThemChangedMeanwhile() {
        CustomerId a = aCustomer();
        CustomerId b = aCustomer();
        java.util.List<WalletHead> stale = inTransaction(() -> wallets().lockedHeads(java.util.List.of(a, b)));
        inTransaction(() -> {
            WalletHead head = wallets().lockedHead(b);
            head.earn(Points.of(5), "purchase", "P-1", T0, null);
            wallets().save(head);
            return null;
        });

        assertThatThrownBy(() -> inTransaction(() -> {
                    for (WalletHead head : stale) {
                        head.earn(Points.of(10), "campaign", "C-1", T0, null);
                    }
                    wallets().saveHeads(stale);
                    return null;
                }))
                .isInstanceOf(ConcurrentUpdateException.class);
        // the change made meanwhile is not overwritten
        assertThat(inTransaction(() -> wallets().balanceOf(b))).isEqualTo(Points.of(5));
    }

    @Test
    public void twoNewWalletsOfOneCustomerCannotBothBeCreated() {
        CustomerId id = aCustomer();
        Wallet first = Wallet.open(id);
        first.adjust(10, "a", null, T0);
        Wallet second = Wallet.open(id);
        second.adjust(20, "b", null, T0);
        save(first);

        assertThatThrownBy(() -> save(second)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(load(id).balance()).isEqualTo(Points.of(10));
    }

    @Test
    public void entriesComeNewestFirstPageByPage() {
        CustomerId id = aCustomer();
        Wallet wallet = Wallet.open(id);
        for (int i = 1; i <= 5; i++) {
            wallet.adjust(i, "step " + i, null, T0.plusSeconds(i));
        }
        save(wallet);

        assertThat(inTransaction(() -> wallets().entries(id, 0, 2)))
                .extracting(WalletEntry::points)
                .containsExactly(5L, 4L);
        assertThat(inTransaction(() -> wallets().entries(id, 4, 2)))
                .extracting(WalletEntry::points)
                .containsExactly(1L);
        assertThat(inTransaction(() -> wallets().entryCount(id))).isEqualTo(5);
    }
}
