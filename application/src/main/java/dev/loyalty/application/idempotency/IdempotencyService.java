package dev.loyalty.application.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps the key, the request's effects and the response in one transaction: the key is claimed
 * first (a concurrent request with the same key waits on it), the work joins the transaction, and
 * the response is recorded before commit. Keys are kept {@link #RETENTION} and then purged.
 */
@ApplicationScoped
public class IdempotencyService implements IdempotentExecution {

    /** How long a key is kept at least. */
    public static final Duration RETENTION = Duration.ofHours(24);

    private final IdempotencyRecords records;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected IdempotencyService() {
        this(null, null);
    }

    @Inject
    public IdempotencyService(IdempotencyRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Outcome execute(IdempotentRequest request, Supplier<StoredResponse> work) {
        if (request == null) {
            return new Outcome(work.get(), false);
        }
        Optional<IdempotencyRecords.Recorded> recorded = records.claim(request, clock.instant());
        if (recorded.isPresent()) {
            if (!recorded.get().fingerprint().equals(request.fingerprint())) {
                throw new IdempotencyKeyReusedException();
            }
            return new Outcome(recorded.get().response(), true);
        }
        StoredResponse response = work.get();
        records.complete(request, response);
        return new Outcome(response, false);
    }

    /**
     * Forgets the keys older than the retention.
     *
     * @return how many were forgotten
     */
    @Transactional
    public int purgeExpired() {
        return records.purgeRecordedBefore(clock.instant().minus(RETENTION));
    }
}
