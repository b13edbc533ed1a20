package dev.loyalty.adapters.persistence.customer;

import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_SMS;
import static dev.loyalty.domain.customer.ConsentPurpose.PROFILING;
import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.customer.CustomerFixtures.aProfileUpdate;
import static dev.loyalty.domain.customer.CustomerFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.application.customer.CustomerLookup;
import dev.loyalty.application.customer.CustomerSummary;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.EnrolmentChannel;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.customer.PreferredChannel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The till's one-statement lookup against MariaDB: the customer it reads is the one the customers
 * repository reads, with the wallet's balance and the pending points beside it.
 */
class SqlCustomerSummariesIT {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 10, 9, 0);

    private static Customer stored(Customer customer) {
        TestDatabase.inTransaction(em -> {
            new JpaCustomers(em).add(customer);
            return null;
        });
        return customer;
    }

    private static Optional<CustomerSummary> lookup(CustomerLookup criteria) {
        return TestDatabase.inTransaction(em -> new SqlCustomerSummaries(em).lookup(criteria));
    }

    private static void wallet(Customer customer, long balance) {
        TestDatabase.sql(
                "INSERT INTO wallet (customer_id, balance, version) VALUES (?, ?, 1)",
                customer.id().toString(),
                balance);
    }

    /** A hold of a purchase the test does not need (the foreign key to it is off for this row only). */
    private static void hold(Customer customer, long pending, String status) {
        TestDatabase.inTransaction(em -> {
            em.createNativeQuery("SET SESSION foreign_key_checks = 0").executeUpdate();
            try {
                em.createNativeQuery("INSERT INTO pending_points (purchase_id, customer_id, points_held,"
                                + " points_pending, status, post_at, held_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .setParameter(1, UUID.randomUUID().toString())
                        .setParameter(2, customer.id().toString())
                        .setParameter(3, Math.max(1, pending))
                        .setParameter(4, pending)
                        .setParameter(5, status)
                        .setParameter(6, NOW.plusDays(14))
                        .setParameter(7, NOW)
                        .executeUpdate();
            } finally {
                em.createNativeQuery("SET SESSION foreign_key_checks = 1").executeUpdate();
            }
            return null;
        });
    }

    @Test
    void findsTheCustomerByCardEmailOrPhoneWithBalanceAndPendingPoints() {
        Customer marco = stored(aCustomer()
                .withFirstName("Marco")
                .withLastName("Rossi")
                .withEmail(uniqueEmail())
                .withAPhone()
                .withBirthDate(LocalDate.of(1981, 7, 14))
                .withPreferredChannel(PreferredChannel.SMS)
                .withConsent(MARKETING_SMS, PROFILING)
                .enrolledAt(EnrolmentChannel.STORE, "S001")
                .build());
        wallet(marco, 240);
        hold(marco, 30, "PENDING");
        hold(marco, 12, "PENDING");
        hold(marco, 50, "POSTED");
        Customer read = TestDatabase.inTransaction(
                em -> new JpaCustomers(em).byId(marco.id()).orElseThrow());

        for (CustomerLookup criteria : new CustomerLookup[] {
            CustomerLookup.byCard(marco.cardNumber()),
            CustomerLookup.byEmail(marco.email().orElseThrow()),
            CustomerLookup.byPhone(marco.phone().orElseThrow()),
            new CustomerLookup(
                    marco.cardNumber(),
                    marco.phone().orElseThrow(),
                    marco.email().orElseThrow())
        }) {
            CustomerSummary found = lookup(criteria).orElseThrow();
            assertThat(found.customer().id()).isEqualTo(marco.id());
            assertThat(found.customer().firstName()).isEqualTo("Marco");
            assertThat(found.customer().lastName()).contains("Rossi");
            assertThat(found.customer().birthDate()).contains(LocalDate.of(1981, 7, 14));
            assertThat(found.customer().storeId()).contains("S001");
            assertThat(found.customer().enrolledAt()).isEqualTo(read.enrolledAt());
            assertThat(found.customer().consentHistory()).isEqualTo(read.consentHistory());
            assertThat(found.customer().consents().isGranted(MARKETING_SMS)).isTrue();
            assertThat(found.customer().version()).isEqualTo(read.version());
            assertThat(found.balance().value()).isEqualTo(240);
            assertThat(found.pending().value()).isEqualTo(42);
        }
    }

    @Test
    void aCustomerWithoutWalletOrConsentsHasZeroPoints() {
        Customer plain = stored(aCustomer().withEmail(uniqueEmail()).build());

        CustomerSummary found =
                lookup(CustomerLookup.byCard(plain.cardNumber())).orElseThrow();

        assertThat(found.customer().id()).isEqualTo(plain.id());
        assertThat(found.balance().value()).isZero();
        assertThat(found.pending().value()).isZero();
    }

    @Test
    void criteriaOfDifferentCustomersOrOfNobodyFindNobody() {
        Customer marco =
                stored(aCustomer().withEmail(uniqueEmail()).withAPhone().build());
        Customer elena =
                stored(aCustomer().withEmail(uniqueEmail()).withAPhone().build());

        assertThat(lookup(new CustomerLookup(
                        marco.cardNumber(), null, elena.email().orElseThrow())))
                .isEmpty();
        assertThat(lookup(new CustomerLookup(
                        null, elena.phone().orElseThrow(), marco.email().orElseThrow())))
                .isEmpty();
        assertThat(lookup(CustomerLookup.byCard(CustomerFixtures.aCardNumber())))
                .isEmpty();
        assertThat(lookup(CustomerLookup.byEmail(Email.of(uniqueEmail())))).isEmpty();
        assertThat(lookup(CustomerLookup.byPhone(PhoneNumber.of(CustomerFixtures.uniquePhone()))))
                .isEmpty();
    }

    @Test
    void aChangeIsSeenByTheNextLookup() {
        Customer marco = stored(aCustomer().withEmail(uniqueEmail()).build());
        wallet(marco, 10);
        assertThat(lookup(CustomerLookup.byCard(marco.cardNumber()))
                        .orElseThrow()
                        .balance()
                        .value())
                .isEqualTo(10);

        TestDatabase.sql(
                "UPDATE wallet SET balance = 75 WHERE customer_id = ?",
                marco.id().toString());
        Customer loaded = TestDatabase.inTransaction(
                em -> new JpaCustomers(em).byId(marco.id()).orElseThrow());
        loaded.updateProfile(aProfileUpdate().consent(PROFILING, true).build(), Instant.now());
        TestDatabase.inTransaction(em -> {
            new JpaCustomers(em).update(loaded);
            return null;
        });

        CustomerSummary found =
                lookup(CustomerLookup.byCard(marco.cardNumber())).orElseThrow();
        assertThat(found.balance().value()).isEqualTo(75);
        assertThat(found.customer().consents().isGranted(PROFILING)).isTrue();
    }

    @Test
    void anErasedCustomersCardFindsNobody() {
        Customer marco =
                stored(aCustomer().withEmail(uniqueEmail()).withAPhone().build());
        Customer loaded = TestDatabase.inTransaction(
                em -> new JpaCustomers(em).byId(marco.id()).orElseThrow());
        loaded.erase(Instant.now(), "ADMIN", "consent-v1");
        TestDatabase.inTransaction(em -> {
            new JpaCustomers(em).update(loaded);
            return null;
        });

        assertThat(lookup(CustomerLookup.byCard(marco.cardNumber()))).isEmpty();
    }
}
