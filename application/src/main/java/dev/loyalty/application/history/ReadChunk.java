package dev.loyalty.application.history;

import java.util.List;
import java.util.Optional;

/**
 * What a reader gives at a time: a complete receipt (or none) with the rows rejected since the
 * previous chunk, and the position after all of it, from which reading again yields the rest.
 *
 * @param rowsRead how many rows (POSLog: transactions) this chunk consumed
 */
public record ReadChunk(
        Optional<ImportedReceipt> receipt, List<RejectedRow> rejects, ReadPosition after, long rowsRead) {

    public ReadChunk {
        rejects = List.copyOf(rejects);
    }
}
