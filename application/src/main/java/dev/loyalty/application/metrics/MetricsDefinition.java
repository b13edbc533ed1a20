package dev.loyalty.application.metrics;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What the metrics are computed over: the window of frequency, monetary, average basket, visits per
 * month and category spend ({@code windowMonths} calendar months back from the moment of
 * computation, 1 to 120), and the engagement weights (over the same window).
 */
public record MetricsDefinition(int windowMonths, EngagementWeights weights) {

    public static final int MAX_WINDOW_MONTHS = 120;

    public MetricsDefinition {
        if (windowMonths < 1 || windowMonths > MAX_WINDOW_MONTHS) {
            throw new IllegalArgumentException(
                    "the metrics window is 1 to " + MAX_WINDOW_MONTHS + " months, got " + windowMonths);
        }
        if (weights == null) {
            throw new IllegalArgumentException("weights are required");
        }
    }

    /** @return the first instant of the window that ends at {@code now} (UTC calendar months) */
    public Instant windowStart(Instant now) {
        return LocalDateTime.ofInstant(now, ZoneOffset.UTC)
                .minusMonths(windowMonths)
                .toInstant(ZoneOffset.UTC);
    }
}
