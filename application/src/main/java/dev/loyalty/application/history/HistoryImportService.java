package dev.loyalty.application.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Starts imports and answers for them. The import's row is written before its body is read, so
 * that a second import is refused at once rather than after a multi-GB upload; the request that
 * spools the body holds the import's lease meanwhile (an upload cut by a crash leaves an expired
 * lease on an import never spooled, which the worker then ends as failed).
 */
@ApplicationScoped
public class HistoryImportService implements ImportPurchasesUseCase, ImportQuery {

    private final ImportJobs jobs;
    private final ImportSpool spool;
    private final Event<ImportSpooled> spooledEvents;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected HistoryImportService() {
        this(null, null, null, null);
    }

    @Inject
    public HistoryImportService(ImportJobs jobs, ImportSpool spool, Event<ImportSpooled> spooledEvents, Clock clock) {
        this.jobs = jobs;
        this.spool = spool;
        this.spooledEvents = spooledEvents;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ImportJob begin(StartImportCommand command) {
        ImportId id = ImportId.newId();
        Instant now = clock.instant();
        ImportJob job = new ImportJob(
                id,
                ImportStatus.RUNNING,
                command.format(),
                command.awardPoints(),
                spool.fileFor(id),
                0,
                false,
                ReadPosition.START,
                0,
                0,
                0,
                0,
                Optional.empty(),
                now,
                Optional.empty());
        jobs.create(
                job,
                ImportWorker.OWNER,
                now.plus(ImportWorker.LEASE),
                command.actor().subject());
        return job;
    }

    @Override
    @Transactional
    public void stillSpooling(ImportId id) {
        jobs.advance(
                id,
                ImportWorker.OWNER,
                new ImportProgress(ReadPosition.START, null, 0, 0, 0, 0),
                clock.instant().plus(ImportWorker.LEASE));
    }

    @Override
    @Transactional
    public void spooled(ImportId id, long bytes) {
        jobs.spooled(id, bytes);
        spooledEvents.fire(new ImportSpooled(id));
    }

    @Override
    @Transactional
    public void uploadFailed(ImportId id, String reason) {
        jobs.finish(id, ImportWorker.OWNER, ImportStatus.FAILED, reason, clock.instant());
    }

    @Override
    public ImportJob importJob(ImportId id) {
        return jobs.byId(id).orElseThrow(ImportNotFoundException::new);
    }

    @Override
    public List<RejectedRow> rejects(ImportId id, long afterLine, int limit) {
        importJob(id);
        return jobs.rejects(id, afterLine, limit);
    }
}
