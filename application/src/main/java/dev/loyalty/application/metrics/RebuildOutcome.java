package dev.loyalty.application.metrics;

import java.time.Instant;

/**
 * A finished rebuild: the instant it stands for, the customers active in its window (the RFM
 * population), how long it took and the cut points it set.
 */
public record RebuildOutcome(Instant rebuiltAt, long activeCustomers, long durationMs, RfmCuts cuts) {}
