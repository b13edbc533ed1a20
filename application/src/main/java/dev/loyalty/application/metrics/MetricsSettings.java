package dev.loyalty.application.metrics;

import java.time.LocalTime;

/**
 * Driven port: the metrics' configuration - the window and engagement weights, whether purchases
 * update metrics live (off only to measure what that costs), and the time of the nightly rebuild
 * (UTC).
 */
public interface MetricsSettings {

    MetricsDefinition definition();

    boolean live();

    LocalTime rebuildAt();
}
