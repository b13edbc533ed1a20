package dev.loyalty.application.history;

import dev.loyalty.domain.customer.CustomerId;
import java.util.Set;

/**
 * CDI event fired at the end of an import, once per chunk of the customers whose history it grew
 * (each customer in one chunk; anonymous sales name nobody), on the import's worker thread and
 * outside any transaction. Observers keep what they derive from history current.
 */
public record HistoryImported(ImportId importId, Set<CustomerId> customers) {

    public HistoryImported {
        customers = Set.copyOf(customers);
    }
}
