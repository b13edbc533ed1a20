package dev.loyalty.adapters.persistence.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.Wallet;
import dev.loyalty.domain.wallet.WalletEntry;
import dev.loyalty.domain.wallet.WalletHead;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping between a wallet, its head and its ledger and their rows, without a database. */
class WalletMapperTest {

    private static final Instant AT = Instant.parse("2026-03-10T09:00:00.123456Z");

    private static Wallet aWalletWithHistory() {
        Wallet wallet = Wallet.open(CustomerId.newId());
        wallet.earn(Points.of(120), "purchase", "purchase:1", AT, AT.plus(Duration.ofDays(365)));
        wallet.burn(Points.of(20), "reward", "claim:1", AT.plusSeconds(60));
        wallet.adjust(-5, "goodwill taken back", "CASE-1", AT.plusSeconds(120));
        return wallet;
    }

    @Test
    void everyEntrySurvivesTheRoundTripThroughItsRow() {
        Wallet wallet = aWalletWithHistory();
        String id = wallet.customerId().toString();

        List<WalletEntry> back = wallet.pendingEntries().stream()
                .map(entry -> WalletMapper.toDomain(WalletMapper.toRow(id, entry)))
                .toList();

        assertThat(back).isEqualTo(wallet.pendingEntries()).hasSize(3);
    }

    @Test
    void anEntryIsAppendedWithItsValuesInTheColumnsOrder() {
        WalletEntry earned = aWalletWithHistory().pendingEntries().get(0);

        Object[] values = WalletMapper.insertValues(WalletMapper.toRow("c-1", earned));

        assertThat(values)
                .containsExactly(
                        "c-1",
                        earned.sequence(),
                        "EARN",
                        120L,
                        0L,
                        "purchase",
                        "purchase:1",
                        UtcTimes.utc(AT),
                        UtcTimes.utc(AT.plus(Duration.ofDays(365))));
    }

    @Test
    void aNewWalletSurvivesTheRoundTripThroughItsRowAndLedger() {
        Wallet wallet = aWalletWithHistory();

        WalletJpaEntity row = WalletMapper.toNewRow(wallet);
        Wallet back = WalletMapper.toDomain(row, wallet.pendingEntries());

        assertThat(row.version).isEqualTo(1);
        assertThat(back.customerId()).isEqualTo(wallet.customerId());
        assertThat(back.balance()).isEqualTo(wallet.balance()).isEqualTo(Points.of(95));
        assertThat(back.nextExpiry()).isEqualTo(wallet.nextExpiry());
        assertThat(back.entries()).isEqualTo(wallet.pendingEntries());
        assertThat(back.version()).isEqualTo(1);
    }

    @Test
    void theHeadIsTheRowWithTheLastSequence() {
        Wallet wallet = aWalletWithHistory();
        WalletJpaEntity row = WalletMapper.toNewRow(wallet);

        WalletHead head = WalletMapper.toHead(row, 3);

        assertThat(head.customerId()).isEqualTo(wallet.customerId());
        assertThat(head.balance()).isEqualTo(Points.of(95));
        assertThat(head.nextExpiry()).isEqualTo(wallet.nextExpiry());
        assertThat(head.version()).isEqualTo(1);
    }
}
