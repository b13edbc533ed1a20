package dev.loyalty.application.account;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.customer.CustomerFixtures.aProfileUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.customer.Customer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory fake passes the repository contract, so service tests can trust it. */
class InMemoryCustomersTest extends CustomersContract {

    private final InMemoryCustomers customers = new InMemoryCustomers();

    @Override
    protected Customers customers() {
        return customers;
    }

    @Test
    void unsavedChangesStayUnsaved() {
        Customer customer = aCustomer().withFirstName("Marco").build();
        customers.add(customer);
        Customer loaded = customers.byId(customer.id()).orElseThrow();

        loaded.updateProfile(aProfileUpdate().firstName("Elena").build(), Instant.parse("2025-06-01T00:00:00Z"));

        assertThat(customers.byId(customer.id()).orElseThrow().firstName()).isEqualTo("Marco");
        assertThat(customers.all()).hasSize(1);
    }
}
