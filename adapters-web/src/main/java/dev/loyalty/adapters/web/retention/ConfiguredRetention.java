package dev.loyalty.adapters.web.retention;

import dev.loyalty.application.privacy.RetentionSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retention periods from the configuration ({@code LOYALTY_RETENTION_PROSPECT_DAYS} default
 * 180, {@code LOYALTY_RETENTION_EVENT_DAYS} 730, {@code LOYALTY_RETENTION_VERDICT_DAYS} 365, {@code
 * LOYALTY_RETENTION_MESSAGE_DAYS} 730), checked as the application starts.
 */
@ApplicationScoped
public class ConfiguredRetention {

    @Inject
    @ConfigProperty(name = "loyalty.retention.prospect-days", defaultValue = "180")
    long prospectDays;

    @Inject
    @ConfigProperty(name = "loyalty.retention.event-days", defaultValue = "730")
    long eventDays;

    @Inject
    @ConfigProperty(name = "loyalty.retention.verdict-days", defaultValue = "365")
    long verdictDays;

    @Inject
    @ConfigProperty(name = "loyalty.retention.message-days", defaultValue = "730")
    long messageDays;

    /** A record cannot be proxied: produced per injection. */
    @Produces
    RetentionSettings settings() {
        return new RetentionSettings(
                Duration.ofDays(prospectDays),
                Duration.ofDays(eventDays),
                Duration.ofDays(verdictDays),
                Duration.ofDays(messageDays));
    }

    void validateAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        settings();
    }
}
