package dev.loyalty.application.metrics;

import dev.loyalty.domain.customer.CustomerId;
import java.util.Set;

/** Driving port: recomputing some customers' metrics after their history grew (an import, at its end). */
public interface RefreshMetricsUseCase {

    /**
     * Recomputes the customers' metrics in a transaction of its own; a failure is logged and left
     * to the nightly rebuild (what changed the history is not undone).
     *
     * @param reference what grew the history, for the log (e.g. the import)
     */
    void refresh(Set<CustomerId> customers, String reference);
}
