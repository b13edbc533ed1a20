package dev.loyalty.application.privacy;

import dev.loyalty.application.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * Purges what is past its retention period ({@link RetentionSettings}), each kind in batches of
 * {@value #BATCH} rows committed one by one, at most {@value #MAX_BATCHES} batches per kind and run
 * (the next run goes on). Safe on several instances at once: every batch deletes by age.
 */
@ApplicationScoped
public class RetentionService implements PurgeExpiredDataUseCase {

    static final int BATCH = 5_000;
    static final int MAX_BATCHES = 2_000;

    private ExpiredData expired;
    private RetentionBatches batches;
    private RetentionSettings settings;
    private Clock clock;

    /** For CDI's proxy only. */
    protected RetentionService() {}

    @Inject
    public RetentionService(ExpiredData expired, RetentionBatches batches, RetentionSettings settings, Clock clock) {
        this.expired = expired;
        this.batches = batches;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public PurgeReport purge(Actor actor) {
        actor.requireAdmin("purging expired data is the console's");
        return purgeScheduled();
    }

    @Override
    public PurgeReport purgeScheduled() {
        Instant now = clock.instant();
        Instant prospects = now.minus(settings.prospects());
        Instant events = now.minus(settings.events());
        Instant verdicts = now.minus(settings.verdicts());
        Instant messages = now.minus(settings.messages());
        return new PurgeReport(
                now,
                all(() -> expired.deleteProspectEvents(prospects, BATCH)),
                all(() -> expired.deleteEvents(events, BATCH)),
                all(() -> expired.deleteVerdicts(verdicts, BATCH)),
                all(() -> expired.deleteMessageHistory(messages, BATCH)),
                all(() -> expired.eraseMessageTexts(messages, BATCH)));
    }

    private int all(IntSupplier batch) {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int removed = batches.run(batch);
            total += removed;
            if (removed < BATCH) {
                break;
            }
        }
        return total;
    }
}
