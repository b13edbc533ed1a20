package dev.loyalty.adapters.persistence.wallet;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.customer.JpaCustomers;
import dev.loyalty.application.account.Wallets;
import dev.loyalty.application.account.WalletsContract;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.persistence.EntityManager;
import java.util.function.Supplier;

/** The wallets contract against MariaDB (wallets reference enrolled customers). */
class JpaWalletsIT extends WalletsContract {

    private EntityManager current;

    @Override
    protected Wallets wallets() {
        return new JpaWallets(current);
    }

    @Override
    protected CustomerId aCustomer() {
        Customer customer = CustomerFixtures.aCustomer().build();
        TestDatabase.inTransaction(em -> {
            new JpaCustomers(em).add(customer);
            return null;
        });
        return customer.id();
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return TestDatabase.inTransaction(em -> {
            current = em;
            return work.get();
        });
    }
}
