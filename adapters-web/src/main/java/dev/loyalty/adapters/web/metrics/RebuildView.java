package dev.loyalty.adapters.web.metrics;

import dev.loyalty.application.metrics.RebuildOutcome;

/** A finished rebuild: the instant it stands for, the active customers (the RFM population), its duration. */
public record RebuildView(String rebuiltAt, long activeCustomers, long durationMs) {

    static RebuildView of(RebuildOutcome outcome) {
        return new RebuildView(outcome.rebuiltAt().toString(), outcome.activeCustomers(), outcome.durationMs());
    }
}
