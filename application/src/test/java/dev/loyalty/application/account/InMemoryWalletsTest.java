package dev.loyalty.application.account;

import dev.loyalty.domain.customer.CustomerId;

class InMemoryWalletsTest extends WalletsContract {

    private final InMemoryWallets wallets = new InMemoryWallets();

    @Override
    protected Wallets wallets() {
        return wallets;
    }

    @Override
    protected CustomerId aCustomer() {
        return CustomerId.newId();
    }
}
