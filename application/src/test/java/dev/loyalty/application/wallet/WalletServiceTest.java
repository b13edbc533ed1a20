package dev.loyalty.application.wallet;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.account.InMemoryWallets;
import dev.loyalty.application.account.Wallets;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.Role;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.InsufficientPointsException;
import dev.loyalty.domain.wallet.WalletEntryType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalletServiceTest {

    private final InMemoryWallets wallets = new InMemoryWallets();
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final List<DomainEvent> published = new ArrayList<>();
    private final WalletService service = new WalletService(
            wallets, customers, published::add, Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC));
    private final Actor admin = new Actor(Role.ADMIN, "console", null);

    private CustomerId enrolled() {
        Customer customer = aCustomer().build();
        customers.add(customer);
        return customer.id();
    }

    @Test
    void anAdministratorCreditsAWalletAndTheStatementShowsIt() {
        CustomerId id = enrolled();

        WalletStatement statement = service.adjust(new AdjustPointsCommand(id, 250, "goodwill", "TICKET-9", admin));

        assertThat(statement.balance()).isEqualTo(Points.of(250));
        assertThat(statement.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(WalletEntryType.ADJUST);
            assertThat(entry.reference()).isEqualTo("TICKET-9");
        });
        assertThat(published).hasSize(1);
        assertThat(service.balance(id, new Actor(Role.CUSTOMER, id.toString(), null)))
                .isEqualTo(Points.of(250));
    }

    @Test
    void theAnswerToAnAdjustmentCarriesTheBalanceAfterIt() {
        CustomerId id = enrolled();
        // a store that, like a persistence context, still answers the balance it read before the save
        Wallets stale = new StaleBalanceWallets(wallets);
        WalletService service = new WalletService(stale, customers, published::add, Clock.systemUTC());
        service.adjust(new AdjustPointsCommand(id, 200, "goodwill", null, admin));

        WalletStatement statement = service.adjust(new AdjustPointsCommand(id, 50, "goodwill", null, admin));

        assertThat(statement.balance()).isEqualTo(Points.of(250));
        assertThat(statement.entries()).hasSize(2);
    }

    /** Delegates, but answers {@link #balanceOf} with the balance as of the last {@link #byCustomer}. */
    private static final class StaleBalanceWallets implements Wallets {
        private final Wallets delegate;
        private final java.util.Map<CustomerId, Points> read = new java.util.HashMap<>();

        StaleBalanceWallets(Wallets delegate) {
            this.delegate = delegate;
        }

        @Override
        public java.util.Optional<dev.loyalty.domain.wallet.Wallet> byCustomer(CustomerId customerId) {
            read.put(customerId, delegate.balanceOf(customerId));
            return delegate.byCustomer(customerId);
        }

        @Override
        public dev.loyalty.domain.wallet.Wallet lockedForUpdate(CustomerId customerId) {
            return delegate.lockedForUpdate(customerId);
        }

        @Override
        public void save(dev.loyalty.domain.wallet.Wallet wallet) {
            delegate.save(wallet);
        }

        @Override
        public dev.loyalty.domain.wallet.WalletHead lockedHead(CustomerId customerId) {
            return delegate.lockedHead(customerId);
        }

        @Override
        public void save(dev.loyalty.domain.wallet.WalletHead head) {
            delegate.save(head);
        }

        @Override
        public List<CustomerId> dueForExpiry(Instant now, int limit) {
            return delegate.dueForExpiry(now, limit);
        }

        @Override
        public Points balanceOf(CustomerId customerId) {
            return read.getOrDefault(customerId, delegate.balanceOf(customerId));
        }

        @Override
        public List<dev.loyalty.domain.wallet.WalletEntry> entries(CustomerId customerId, int offset, int limit) {
            return delegate.entries(customerId, offset, limit);
        }

        @Override
        public long entryCount(CustomerId customerId) {
            return delegate.entryCount(customerId);
        }
    }

    @Test
    void aDebitBeyondTheBalanceChangesNothing() {
        CustomerId id = enrolled();
        service.adjust(new AdjustPointsCommand(id, 100, "goodwill", null, admin));

        assertThatThrownBy(() -> service.adjust(new AdjustPointsCommand(id, -101, "correction", null, admin)))
                .isInstanceOf(InsufficientPointsException.class);
        assertThat(wallets.balanceOf(id)).isEqualTo(Points.of(100));
        assertThat(wallets.entryCount(id)).isEqualTo(1);
    }

    @Test
    void onlyAnAdministratorAdjusts() {
        CustomerId id = enrolled();
        Actor terminal = new Actor(Role.TERMINAL, "till", "MI-001");

        assertThatThrownBy(() -> service.adjust(new AdjustPointsCommand(id, 10, "gift", null, terminal)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCustomerSeesNoOtherWallet() {
        CustomerId other = enrolled();
        Actor someoneElse = new Actor(Role.CUSTOMER, CustomerId.newId().toString(), null);

        assertThatThrownBy(() -> service.statement(other, someoneElse, 0, 20))
                .isInstanceOf(CustomerNotFoundException.class);
    }

    @Test
    void pagesAreBounded() {
        CustomerId id = enrolled();

        assertThatThrownBy(() -> service.statement(id, admin, 0, 101)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> service.statement(id, admin, -1, 10)).isInstanceOf(InvalidValueException.class);
        assertThat(service.statement(id, admin, 0, 10).totalEntries()).isZero();
    }

    @Test
    void anUnknownCustomerHasNoWalletToAdjust() {
        assertThatThrownBy(() -> service.adjust(new AdjustPointsCommand(CustomerId.newId(), 10, "gift", null, admin)))
                .isInstanceOf(CustomerNotFoundException.class);
    }
}
