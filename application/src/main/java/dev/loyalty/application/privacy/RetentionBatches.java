package dev.loyalty.application.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.IntSupplier;

/** Runs one purge batch in a transaction of its own: a purge of millions of rows holds no lock for long. */
@ApplicationScoped
public class RetentionBatches {

    /** @return what the batch returns (the rows it removed), committed */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int run(IntSupplier batch) {
        return batch.getAsInt();
    }
}
