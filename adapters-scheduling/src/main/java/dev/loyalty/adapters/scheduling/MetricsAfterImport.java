package dev.loyalty.adapters.scheduling;

import dev.loyalty.application.history.HistoryImported;
import dev.loyalty.application.metrics.RefreshMetricsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * At the end of an import, a chunk of its customers at a time (on the import's worker thread), the
 * metrics of the customers whose history grew; the import goes on whatever happens here.
 */
@ApplicationScoped
public class MetricsAfterImport {

    @Inject
    RefreshMetricsUseCase metrics;

    void onImported(@Observes HistoryImported imported) {
        metrics.refresh(imported.customers(), "import " + imported.importId());
    }
}
