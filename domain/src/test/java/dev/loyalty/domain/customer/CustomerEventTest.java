package dev.loyalty.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerEventTest {

    private static final CustomerId ID = CustomerId.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static final Instant NOW = Instant.parse("2025-02-01T12:00:00Z");

    @Test
    void eventsHaveStableTypesAndTheCustomerAsAggregate() {
        CustomerEvent enrolled =
                new CustomerEnrolled(ID, CardNumber.fromSerial(1), EnrolmentChannel.APP, null, null, NOW);
        CustomerEvent updated = new CustomerProfileUpdated(ID, Set.of("phone", "email"), NOW);
        CustomerEvent consent = new ConsentChanged(ID, ConsentPurpose.PROFILING, true, "APP", NOW);

        assertThat(enrolled.type()).isEqualTo("CUSTOMER_ENROLLED");
        assertThat(updated.type()).isEqualTo("CUSTOMER_PROFILE_UPDATED");
        assertThat(consent.type()).isEqualTo("CONSENT_CHANGED");
        for (CustomerEvent event : new CustomerEvent[] {enrolled, updated, consent}) {
            assertThat(event.aggregateId()).isEqualTo(ID.toString());
            assertThat(event.occurredAt()).isEqualTo(NOW);
        }
        assertThat(((CustomerProfileUpdated) updated).changedFields()).containsExactly("email", "phone");
    }

    @Test
    void aProfileUpdateNamesAtLeastOneField() {
        assertThatThrownBy(() -> new CustomerProfileUpdated(ID, Set.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerEnrolled(ID, null, EnrolmentChannel.APP, null, null, NOW))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void alreadyEnrolledNamesTheFieldNotTheValue() {
        CustomerAlreadyEnrolledException failure = new CustomerAlreadyEnrolledException("email");
        assertThat(failure.field()).isEqualTo("email");
        assertThat(failure.code()).isEqualTo("customer-already-enrolled");
        assertThat(failure.getMessage()).isEqualTo("a customer with this email is already enrolled");
        assertThat(new CustomerNotFoundException().code()).isEqualTo("customer-not-found");
        assertThat(new CustomerNotFoundException(ID).customerId()).contains(ID);
    }
}
