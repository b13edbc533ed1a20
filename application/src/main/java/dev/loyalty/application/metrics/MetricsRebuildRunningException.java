package dev.loyalty.application.metrics;

import dev.loyalty.domain.shared.DomainException;

/** Another rebuild of the metrics is running in the cluster: one at a time. */
public class MetricsRebuildRunningException extends DomainException {

    public MetricsRebuildRunningException() {
        super("a rebuild of the metrics is running; ask again when it has finished");
    }

    @Override
    public String code() {
        return "metrics-rebuild-running";
    }
}
