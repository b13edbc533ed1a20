package dev.loyalty.adapters.web.security;

import dev.loyalty.application.token.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token settings from the configuration ({@code LOYALTY_TOKENS_STAFF_MAX_MINUTES} default 60,
 * {@code LOYALTY_TOKENS_CUSTOMER_MAX_MINUTES} default 1,440, {@code
 * LOYALTY_TOKENS_REVOCATION_REFRESH_SECONDS} default 5), checked as the application starts: a value
 * that cannot work stops the deployment with one line naming it.
 */
@ApplicationScoped
public class ConfiguredTokenSettings {

    @Inject
    @ConfigProperty(name = "loyalty.tokens.staff-max-minutes", defaultValue = "60")
    long staffMaxMinutes;

    @Inject
    @ConfigProperty(name = "loyalty.tokens.customer-max-minutes", defaultValue = "1440")
    long customerMaxMinutes;

    @Inject
    @ConfigProperty(name = "loyalty.tokens.revocation-refresh-seconds", defaultValue = "5")
    long refreshSeconds;

    /** A record cannot be proxied: produced per injection (the service takes it once). */
    @Produces
    TokenSettings settings() {
        return new TokenSettings(
                Duration.ofMinutes(staffMaxMinutes),
                Duration.ofMinutes(customerMaxMinutes),
                Duration.ofSeconds(refreshSeconds));
    }

    void validateAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        settings();
    }
}
