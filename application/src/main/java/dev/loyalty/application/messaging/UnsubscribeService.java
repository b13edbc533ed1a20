package dev.loyalty.application.messaging;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerEvent;
import dev.loyalty.domain.customer.ProfileUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Withdraws a consent through a signed unsubscribe link, with evidence (source
 * {@value #SOURCE}). Messages still queued on that channel are then suppressed when the relay
 * judges them: consent is checked at send time.
 */
@ApplicationScoped
public class UnsubscribeService implements UnsubscribeUseCase {

    /** The consent source recorded with a withdrawal through a link. */
    public static final String SOURCE = "UNSUBSCRIBE-LINK";

    private final Customers customers;
    private final DomainEventLog events;
    private final MessagingSettings settings;
    private final UnsubscribeTokens tokens;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected UnsubscribeService() {
        this(null, null, null, null, null);
    }

    @Inject
    public UnsubscribeService(
            Customers customers,
            DomainEventLog events,
            MessagingSettings settings,
            UnsubscribeTokens tokens,
            Clock clock) {
        this.customers = customers;
        this.events = events;
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ConsentPurpose purposeOf(String token) {
        return tokens.verify(token).purpose();
    }

    @Override
    @Transactional
    public ConsentPurpose unsubscribe(String token) {
        UnsubscribeTokens.Subject subject = tokens.verify(token);
        Optional<Customer> found = customers.byId(subject.customerId());
        if (found.isEmpty()) {
            return subject.purpose();
        }
        Customer customer = found.get();
        ProfileUpdate withdrawal = ProfileUpdate.withdrawal(subject.purpose(), SOURCE, settings.consentTextVersion());
        List<CustomerEvent> happened = customer.updateProfile(withdrawal, clock.instant());
        if (!happened.isEmpty()) {
            customers.update(customer);
            happened.forEach(events::append);
        }
        return subject.purpose();
    }
}
