package dev.loyalty.domain.customer;

import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_SMS;
import static dev.loyalty.domain.customer.ConsentPurpose.PROFILING;
import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerErasureTest {

    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void erasesThePersonalDataWithdrawsEveryConsentAndKeepsTheIdentity() {
        Customer customer = aCustomer()
                .withEmail("elena@example.com")
                .withConsent(MARKETING_SMS, PROFILING)
                .build();
        CardNumber card = customer.cardNumber();
        int evidence = customer.consentHistory().size();

        var events = customer.erase(AT, "ERASURE:console", "2026-01");

        assertThat(events)
                .extracting(CustomerEvent::type)
                .containsExactly("CONSENT_CHANGED", "CONSENT_CHANGED", "CUSTOMER_ERASED");
        assertThat(customer.isErased()).isTrue();
        assertThat(customer.firstName()).isEqualTo(Customer.ERASED_NAME);
        assertThat(customer.lastName()).isEmpty();
        assertThat(customer.email()).isEmpty();
        assertThat(customer.phone()).isEmpty();
        assertThat(customer.birthDate()).isEmpty();
        assertThat(customer.preferredChannel()).isEqualTo(PreferredChannel.NONE);
        assertThat(customer.consents().isGranted(MARKETING_SMS)).isFalse();
        assertThat(customer.consentHistory()).hasSize(evidence + 2);
        assertThat(customer.cardNumber()).isEqualTo(card);
    }

    @Test
    void erasingAgainChangesNothing() {
        Customer customer = aCustomer().withConsent(PROFILING).build();
        customer.erase(AT, "ERASURE:console", "2026-01");

        assertThat(customer.erase(AT.plusSeconds(60), "ERASURE:console", "2026-01"))
                .isEmpty();
    }
}
