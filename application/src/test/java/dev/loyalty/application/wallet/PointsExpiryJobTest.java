package dev.loyalty.application.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.account.InMemoryWallets;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.Wallet;
import dev.loyalty.domain.wallet.WalletEntry;
import dev.loyalty.domain.wallet.WalletEntryType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointsExpiryJobTest {

    static final Instant JAN = Instant.parse("2026-01-10T10:00:00Z");
    static final Instant FEB = Instant.parse("2026-02-10T10:00:00Z");
    static final Instant MAR = Instant.parse("2026-03-10T10:00:00Z");

    private final InMemoryWallets wallets = new InMemoryWallets();
    private final List<DomainEvent> events = new ArrayList<>();

    private PointsExpiryJob jobAt(Instant now) {
        return new PointsExpiryJob(wallets, new PointsExpiry(wallets, events::add), Clock.fixed(now, ZoneOffset.UTC));
    }

    private CustomerId walletWith(long points, Instant expiresAt) {
        CustomerId id = CustomerId.newId();
        Wallet wallet = wallets.lockedForUpdate(id);
        wallet.earn(Points.of(points), "purchase", "P-" + id, JAN, expiresAt);
        wallets.save(wallet);
        return id;
    }

    @Test
    void expiresWhatIsDueOnceAndLeavesTheRest() {
        CustomerId due = walletWith(40, FEB);
        CustomerId later = walletWith(25, MAR.plusSeconds(86_400));
        CustomerId never = walletWith(10, null);

        PointsExpiryJob.Run first = jobAt(MAR).run();
        PointsExpiryJob.Run second = jobAt(MAR).run();

        assertThat(first.wallets()).isEqualTo(1);
        assertThat(first.points()).isEqualTo(40);
        assertThat(second.wallets()).isZero();
        assertThat(wallets.balanceOf(due)).isEqualTo(Points.ZERO);
        assertThat(wallets.byCustomer(due).orElseThrow().entries())
                .extracting(WalletEntry::type)
                .containsExactly(WalletEntryType.EARN, WalletEntryType.EXPIRE);
        assertThat(wallets.balanceOf(later)).isEqualTo(Points.of(25));
        assertThat(wallets.balanceOf(never)).isEqualTo(Points.of(10));
        assertThat(events).extracting(DomainEvent::type).containsExactly("POINTS_EXPIRED");
    }
}
