package dev.loyalty.adapters.messaging;

import dev.loyalty.application.messaging.MessagingSettings;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.ChannelChoice;
import dev.loyalty.domain.messaging.MarketingPressurePolicy;
import dev.loyalty.domain.messaging.PressureCap;
import dev.loyalty.domain.messaging.QuietHours;
import dev.loyalty.domain.messaging.RetrySchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Messaging's settings from MicroProfile Config (each key also an environment variable:
 * {@code loyalty.messaging.quiet-hours} = {@code LOYALTY_MESSAGING_QUIET_HOURS}). Caps are
 * {@code window:max} pairs such as {@code 7d:2,30d:6} (windows in {@code d}, {@code h} or
 * {@code m}); quiet hours {@code HH:MM-HH:MM} or empty for none; store time zones
 * {@code STORE=Zone,...}. A setting that cannot be read stops the start with a message that names it.
 */
@ApplicationScoped
public class ConfiguredMessaging implements MessagingSettings {

    private RetrySchedule retry;
    private Duration lease;
    private ChannelChoice channelChoice;
    private MarketingPressurePolicy pressure;
    private Optional<QuietHours> quietHours;
    private ZoneId zone;
    private Map<String, ZoneId> storeZones;
    private String appLink;
    private String subject;
    private Optional<String> publicBaseUrl;
    private String consentTextVersion;
    private String language;

    /** For CDI's proxy only. */
    protected ConfiguredMessaging() {}

    @Inject
    public ConfiguredMessaging(
            @ConfigProperty(name = "loyalty.messaging.retry.first-delay-ms", defaultValue = "2000") long firstDelayMs,
            @ConfigProperty(name = "loyalty.messaging.retry.max-delay-ms", defaultValue = "600000") long maxDelayMs,
            @ConfigProperty(name = "loyalty.messaging.retry.max-attempts", defaultValue = "10") int maxAttempts,
            @ConfigProperty(name = "loyalty.messaging.lease-seconds", defaultValue = "60") int leaseSeconds,
            @ConfigProperty(name = "loyalty.messaging.channel-fallback", defaultValue = "EMAIL,SMS,PUSH")
                    String fallback,
            @ConfigProperty(name = "loyalty.messaging.pressure.caps", defaultValue = "7d:2,30d:6") String caps,
            @ConfigProperty(name = "loyalty.messaging.pressure.channel-caps", defaultValue = "7d:2,30d:6")
                    String channelCaps,
            @ConfigProperty(name = "loyalty.messaging.quiet-hours", defaultValue = " ") String quiet,
            @ConfigProperty(name = "loyalty.messaging.time-zone", defaultValue = "Europe/Rome") String zone,
            @ConfigProperty(name = "loyalty.messaging.store-time-zones", defaultValue = " ") String storeZones,
            @ConfigProperty(name = "loyalty.messaging.app-link", defaultValue = "https://loyalty.example/app")
                    String appLink,
            @ConfigProperty(name = "loyalty.messaging.subject", defaultValue = "News from your loyalty programme")
                    String subject,
            @ConfigProperty(name = "loyalty.public-base-url", defaultValue = "http://localhost:8080")
                    String publicBaseUrl,
            @ConfigProperty(name = "loyalty.consent.text-version", defaultValue = "2026-01") String consentTextVersion,
            @ConfigProperty(name = "loyalty.messaging.language", defaultValue = "it") String language) {
        this.retry = new RetrySchedule(Duration.ofMillis(firstDelayMs), Duration.ofMillis(maxDelayMs), maxAttempts);
        this.lease = Duration.ofSeconds(leaseSeconds);
        this.channelChoice = new ChannelChoice(channels("loyalty.messaging.channel-fallback", fallback));
        List<PressureCap> all = new ArrayList<>(caps("loyalty.messaging.pressure.caps", caps, Optional.empty()));
        for (Channel channel : List.of(Channel.SMS, Channel.EMAIL, Channel.PUSH, Channel.STAFF_CALL)) {
            all.addAll(caps("loyalty.messaging.pressure.channel-caps", channelCaps, Optional.of(channel)));
        }
        this.pressure = new MarketingPressurePolicy(all);
        this.quietHours = quietHours(quiet);
        this.zone = zone("loyalty.messaging.time-zone", zone);
        this.storeZones = storeZones(storeZones);
        this.appLink = appLink.strip();
        this.subject = subject.strip();
        this.publicBaseUrl =
                Optional.of(publicBaseUrl.strip().replaceAll("/+$", "")).filter(s -> !s.isEmpty());
        this.consentTextVersion = consentTextVersion.strip();
        this.language = language.strip().toLowerCase(Locale.ROOT);
    }

    static List<Channel> channels(String key, String value) {
        List<Channel> channels = new ArrayList<>();
        for (String name : value.split(",")) {
            if (!name.isBlank()) {
                try {
                    channels.add(Channel.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + ": unknown channel " + name.strip(), e);
                }
            }
        }
        return channels;
    }

    static List<PressureCap> caps(String key, String value, Optional<Channel> channel) {
        List<PressureCap> caps = new ArrayList<>();
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.strip().split(":");
            try {
                caps.add(new PressureCap(channel, window(parts[0].strip()), Integer.parseInt(parts[1].strip())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key + ": expected window:max pairs such as 7d:2, got " + pair, e);
            }
        }
        return caps;
    }

    private static Duration window(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'd' -> Duration.ofDays(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> throw new IllegalArgumentException("unit d, h or m");
        };
    }

    static Optional<QuietHours> quietHours(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String[] parts = value.strip().split("-");
        try {
            return Optional.of(new QuietHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip())));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "loyalty.messaging.quiet-hours: expected HH:MM-HH:MM such as 21:00-09:00, got " + value, e);
        }
    }

    private static ZoneId zone(String key, String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": not a time zone: " + value, e);
        }
    }

    private static Map<String, ZoneId> storeZones(String value) {
        Map<String, ZoneId> zones = new HashMap<>();
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.strip().split("=");
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "loyalty.messaging.store-time-zones: expected STORE=Zone pairs, got " + pair);
            }
            zones.put(parts[0].strip(), zone("loyalty.messaging.store-time-zones", parts[1]));
        }
        return zones;
    }

    @Override
    public RetrySchedule retrySchedule() {
        return retry;
    }

    @Override
    public Duration lease() {
        return lease;
    }

    @Override
    public ChannelChoice channelChoice() {
        return channelChoice;
    }

    @Override
    public MarketingPressurePolicy pressure() {
        return pressure;
    }

    @Override
    public Optional<QuietHours> quietHours() {
        return quietHours;
    }

    @Override
    public ZoneId zoneOf(Optional<String> storeId) {
        return storeId.map(storeZones::get).orElse(zone);
    }

    @Override
    public String appLink() {
        return appLink;
    }

    @Override
    public String subject() {
        return subject;
    }

    @Override
    public Optional<String> publicBaseUrl() {
        return publicBaseUrl;
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public String consentTextVersion() {
        return consentTextVersion;
    }
}
