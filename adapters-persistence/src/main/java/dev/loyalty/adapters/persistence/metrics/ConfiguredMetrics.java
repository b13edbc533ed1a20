package dev.loyalty.adapters.persistence.metrics;

import dev.loyalty.application.metrics.EngagementWeights;
import dev.loyalty.application.metrics.MetricsDefinition;
import dev.loyalty.application.metrics.MetricsSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The metrics' settings from MicroProfile Config: {@code loyalty.metrics.window-months}
 * ({@code LOYALTY_METRICS_WINDOW_MONTHS}, default 12, 1 to 120), {@code loyalty.engagement.weights}
 * ({@code LOYALTY_ENGAGEMENT_WEIGHTS}, default {@value EngagementWeights#DEFAULT}),
 * {@code loyalty.metrics.rebuild-at} ({@code LOYALTY_METRICS_REBUILD_AT}, {@code HH:MM} UTC, default
 * 03:00) and {@code loyalty.metrics.live} ({@code LOYALTY_METRICS_LIVE}, default true; false only to
 * measure what the live update costs). A value that cannot be read fails with a message naming it
 * (the launcher checks the same values before the server starts).
 */
@ApplicationScoped
public class ConfiguredMetrics implements MetricsSettings {

    private MetricsDefinition definition;
    private boolean live;
    private LocalTime rebuildAt;

    /** For CDI's proxy only. */
    protected ConfiguredMetrics() {}

    @Inject
    public ConfiguredMetrics(
            @ConfigProperty(name = "loyalty.metrics.window-months", defaultValue = "12") String windowMonths,
            @ConfigProperty(name = "loyalty.engagement.weights", defaultValue = EngagementWeights.DEFAULT)
                    String weights,
            @ConfigProperty(name = "loyalty.metrics.rebuild-at", defaultValue = "03:00") String rebuildAt,
            @ConfigProperty(name = "loyalty.metrics.live", defaultValue = "true") String live) {
        this.definition = new MetricsDefinition(window(windowMonths), weights(weights));
        this.rebuildAt = time(rebuildAt);
        this.live = !"false".equalsIgnoreCase(live.strip());
    }

    static int window(String raw) {
        try {
            int months = Integer.parseInt(raw.strip());
            if (months >= 1 && months <= MetricsDefinition.MAX_WINDOW_MONTHS) {
                return months;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("LOYALTY_METRICS_WINDOW_MONTHS must be a number of months from 1 to "
                + MetricsDefinition.MAX_WINDOW_MONTHS + ", got: " + raw);
    }

    static EngagementWeights weights(String raw) {
        try {
            return EngagementWeights.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "LOYALTY_ENGAGEMENT_WEIGHTS must be TYPE:weight pairs such as " + EngagementWeights.DEFAULT + ": "
                            + e.getMessage(),
                    e);
        }
    }

    static LocalTime time(String raw) {
        try {
            return LocalTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("LOYALTY_METRICS_REBUILD_AT must be a time HH:MM (UTC), got: " + raw, e);
        }
    }

    @Override
    public MetricsDefinition definition() {
        return definition;
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public LocalTime rebuildAt() {
        return rebuildAt;
    }
}
