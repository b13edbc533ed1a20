package dev.loyalty.application.wallet;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.account.InMemoryWallets;
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
