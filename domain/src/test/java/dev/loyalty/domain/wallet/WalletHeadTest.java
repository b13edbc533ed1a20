package dev.loyalty.domain.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WalletHeadTest {

    private static final CustomerId MARCO = CustomerId.newId();
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant JAN = Instant.parse("2027-01-31T00:00:00Z");
    private static final Instant MAR = Instant.parse("2027-03-31T00:00:00Z");

    @Test
    void earnsExactlyWhatTheWholeWalletWouldEarn() {
        Wallet wallet = Wallet.open(MARCO);
        wallet.earn(Points.of(100), "purchase", "P-1", NOW, MAR);
        Wallet whole = Wallet.reconstitute(MARCO, wallet.entries(), 1);
        WalletHead head = new WalletHead(MARCO, 100, 1, MAR, 1);

        var fromWhole = whole.earn(Points.of(40), "purchase", "P-2", NOW, JAN);
        var fromHead = head.earn(Points.of(40), "purchase", "P-2", NOW, JAN);

        assertThat(fromHead).isEqualTo(fromWhole);
        assertThat(head.pendingEntries()).isEqualTo(whole.pendingEntries());
        assertThat(head.balance()).isEqualTo(whole.balance());
        assertThat(head.nextExpiry()).isEqualTo(whole.nextExpiry()).contains(JAN);
    }

    @Test
    void aLaterExpiryDoesNotMoveTheNextOneAndNothingIsEarnedForZero() {
        WalletHead head = new WalletHead(MARCO, 10, 3, JAN, 4);

        head.earn(Points.of(5), "purchase", "P-9", NOW, MAR);

        assertThat(head.nextExpiry()).contains(JAN);
        assertThat(head.pendingEntries().get(0).sequence()).isEqualTo(4);
        assertThatThrownBy(() -> head.earn(Points.ZERO, "purchase", "P-10", NOW, MAR))
                .isInstanceOf(InvalidValueException.class);
    }
}
