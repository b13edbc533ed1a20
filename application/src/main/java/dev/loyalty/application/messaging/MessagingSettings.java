package dev.loyalty.application.messaging;

import dev.loyalty.domain.messaging.ChannelChoice;
import dev.loyalty.domain.messaging.MarketingPressurePolicy;
import dev.loyalty.domain.messaging.QuietHours;
import dev.loyalty.domain.messaging.RetrySchedule;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Driven port: how messaging is configured (retries, leases, channel order, pressure, quiet hours, links). */
public interface MessagingSettings {

    /** @return when failed sends are retried and when they become dead letters */
    RetrySchedule retrySchedule();

    /** @return how long a relay's claim on a message lasts (longer than any provider call) */
    Duration lease();

    /** @return the preferred-then-fallback channel order */
    ChannelChoice channelChoice();

    /** @return the marketing pressure caps */
    MarketingPressurePolicy pressure();

    /** @return the quiet hours, if any */
    Optional<QuietHours> quietHours();

    /** @return the time zone of a store (the default zone for none or an unknown one) */
    ZoneId zoneOf(Optional<String> storeId);

    /** @return the value of {@code {appLink}} */
    String appLink();

    /** @return the subject of e-mails and the title of push notifications */
    String subject();

    /** @return the public base URL of the service (for unsubscribe links), if known */
    Optional<String> publicBaseUrl();

    /** @return the programme's language (ISO 639-1), in which message templates are taken first */
    String language();

    /** @return the consent text version recorded with a withdrawal through a link */
    String consentTextVersion();
}
