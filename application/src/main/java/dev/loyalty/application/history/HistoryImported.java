package dev.loyalty.application.history;

import dev.loyalty.domain.customer.CustomerId;
import java.util.Set;

/**
 * CDI event fired after each committed batch of an import: the customers whose history grew (the
 * anonymous sales of the batch name nobody). Observers keep what they derive from history current.
 */
public record HistoryImported(ImportId importId, Set<CustomerId> customers) {

    public HistoryImported {
        customers = Set.copyOf(customers);
    }
}
