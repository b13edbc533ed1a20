package dev.loyalty.application.wallet;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.account.Wallets;
import dev.loyalty.application.checkout.PointsHolds;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.application.shared.Role;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.Wallet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The wallet use cases. A customer reads only their own wallet (another's is "not found", so its
 * existence does not leak); only an administrator adjusts one.
 */
@ApplicationScoped
public class WalletService implements WalletQuery, AdjustPointsUseCase {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 20;

    private final Wallets wallets;
    private final Customers customers;
    private final DomainEventLog events;
    private final Clock clock;
    private final PointsHolds holds;

    /** For CDI's proxy only. */
    protected WalletService() {
        this(null, null, null, null, null);
    }

    /** Without pending points. */
    public WalletService(Wallets wallets, Customers customers, DomainEventLog events, Clock clock) {
        this(wallets, customers, events, clock, null);
    }

    @Inject
    public WalletService(Wallets wallets, Customers customers, DomainEventLog events, Clock clock, PointsHolds holds) {
        this.holds = holds;
        this.wallets = wallets;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Points balance(CustomerId customerId, Actor actor) {
        mayRead(customerId, actor);
        return wallets.balanceOf(customerId);
    }

    @Override
    public Points pending(CustomerId customerId, Actor actor) {
        mayRead(customerId, actor);
        return holds == null ? Points.ZERO : holds.pendingOf(customerId);
    }

    @Override
    public WalletStatement statement(CustomerId customerId, Actor actor, int page, int size) {
        if (page < 0) {
            throw new InvalidValueException("page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidValueException("size", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        mayRead(customerId, actor);
        if (customers.byId(customerId).isEmpty()) {
            throw new CustomerNotFoundException(customerId);
        }
        int offset = Math.multiplyExact(page, size);
        if (holds == null) {
            return new WalletStatement(
                    wallets.balanceOf(customerId),
                    wallets.entries(customerId, offset, size),
                    page,
                    size,
                    wallets.entryCount(customerId));
        }
        return new WalletStatement(
                wallets.balanceOf(customerId),
                wallets.entries(customerId, offset, size),
                page,
                size,
                wallets.entryCount(customerId),
                holds.pendingOf(customerId),
                holds.steps(customerId, offset, size),
                holds.stepCount(customerId));
    }

    @Override
    @Transactional
    public WalletStatement adjust(AdjustPointsCommand command) {
        command.actor().requireAdmin("only an administrator adjusts a wallet");
        CustomerId customerId = command.customerId();
        if (customers.byId(customerId).isEmpty()) {
            throw new CustomerNotFoundException(customerId);
        }
        Wallet wallet = wallets.byCustomer(customerId).orElseGet(() -> Wallet.open(customerId));
        wallet.adjust(command.points(), command.reason(), command.reference(), clock.instant())
                .forEach(events::append);
        wallets.save(wallet);
        // The balance is the adjusted wallet's own: a store read in the same transaction may still
        // answer from what it loaded before the save.
        WalletStatement page = statement(customerId, command.actor(), 0, DEFAULT_PAGE_SIZE);
        return new WalletStatement(
                wallet.balance(),
                page.entries(),
                page.page(),
                page.size(),
                page.totalEntries(),
                page.pending(),
                page.pendingEntries(),
                page.totalPendingEntries());
    }

    private static void mayRead(CustomerId customerId, Actor actor) {
        if (actor.role() == Role.CUSTOMER && !actor.subject().equals(customerId.toString())) {
            throw new CustomerNotFoundException(customerId);
        }
    }
}
