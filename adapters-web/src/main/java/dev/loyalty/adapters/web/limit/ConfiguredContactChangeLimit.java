package dev.loyalty.adapters.web.limit;

import dev.loyalty.application.customer.ContactChangeLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The new contacts a customer may give in the app per day, from {@code
 * LOYALTY_LIMITS_CONTACT_CHANGES_PER_DAY} (default 5), checked as the application starts.
 */
@ApplicationScoped
public class ConfiguredContactChangeLimit {

    @Inject
    @ConfigProperty(name = "loyalty.limits.contact-changes.per-day", defaultValue = "5")
    int perDay;

    /** A record cannot be proxied: produced per injection. */
    @Produces
    ContactChangeLimit limit() {
        return new ContactChangeLimit(perDay);
    }

    void validateAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        limit();
    }
}
