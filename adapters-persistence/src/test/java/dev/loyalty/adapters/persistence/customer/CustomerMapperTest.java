package dev.loyalty.adapters.persistence.customer;

import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_EMAIL;
import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_SMS;
import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.customer.CustomerFixtures.aProfileUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.domain.customer.Customer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping between the Customer aggregate and its rows, without a database. */
class CustomerMapperTest {

    @Test
    void aCustomerSurvivesTheRoundTripThroughItsRows() {
        Customer marco = aCustomer()
                .withFirstName("Marco")
                .withLastName("Rossi")
                .withEmail("marco@example.com")
                .withPhone("+393471234567")
                .withBirthDate(LocalDate.of(1990, 5, 17))
                .withConsent(MARKETING_SMS)
                .build();

        CustomerJpaEntity entity = CustomerMapper.toNewEntity(marco);
        entity.consents.addAll(CustomerMapper.newConsentRows(marco, entity, 0));
        Customer back = CustomerMapper.toDomain(entity);

        assertThat(back).usingRecursiveComparison().isEqualTo(marco);
        assertThat(entity.enrolledAt).isEqualTo(UtcTimes.utc(marco.enrolledAt()));
        assertThat(entity.consents).extracting(row -> row.position).containsExactly(0, 1, 2, 3);
    }

    @Test
    void onlyTheDecisionsNotYetStoredBecomeNewRowsAtTheirPosition() {
        Customer customer = aCustomer().build();
        CustomerJpaEntity entity = CustomerMapper.toNewEntity(customer);
        int stored = customer.consentHistory().size();
        customer.updateProfile(
                aProfileUpdate().consent(MARKETING_EMAIL, true).build(), Instant.parse("2026-02-01T10:00:00Z"));

        List<ConsentJpaEntity> rows = CustomerMapper.newConsentRows(customer, entity, stored);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.position).isEqualTo(stored);
            assertThat(row.purpose).isEqualTo("MARKETING_EMAIL");
            assertThat(row.granted).isTrue();
            assertThat(row.customer).isSameAs(entity);
        });
    }
}
