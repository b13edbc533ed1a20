package dev.loyalty.application.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a spooled import in batches, each committed on its own with the position after it, while
 * holding the import's lease (renewed by every batch). A worker that stops - a crash, a restart, a
 * lost lease - loses at most the batch in flight; whoever takes the expired lease over goes on
 * from the last committed position, and a receipt read twice is recorded once (by store and
 * receipt). Each batch marks its customers' metrics due in its transaction, held by the import
 * (the metrics' worker leaves them alone while it runs: recomputed after every batch naming them, a
 * customer's history would be read again and again); the import's end - completed or failed -
 * hands them to the worker in the transaction that ends it, which recomputes each once.
 */
@ApplicationScoped
public class ImportWorker {

    /** The name under which a request spooling an import holds its lease. */
    public static final String OWNER = "spool-" + UUID.randomUUID();

    /** How long a lease lasts without a batch renewing it. */
    public static final Duration LEASE = Duration.ofSeconds(60);

    /**
     * How long after its lease expired an import whose file is on no running instance fails (its
     * file may come back with the instance that spooled it until then).
     */
    public static final Duration STRANDED = Duration.ofHours(1);

    static final int BATCH_RECEIPTS = 2_000;
    static final int BATCH_REJECTS = 1_000;
    static final int ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(ImportWorker.class.getName());

    private final ImportJobs jobs;
    private final ImportBatches batches;
    private final ReceiptFiles files;
    private final ImportWakeUp wakeUp;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected ImportWorker() {
        this(null, null, null, null, null);
    }

    @Inject
    public ImportWorker(ImportJobs jobs, ImportBatches batches, ReceiptFiles files, ImportWakeUp wakeUp, Clock clock) {
        this.jobs = jobs;
        this.batches = batches;
        this.files = files;
        this.wakeUp = wakeUp;
        this.clock = clock;
    }

    void onSpooled(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImportSpooled spooled) {
        wakeUp.wake(spooled.importId());
    }

    /**
     * Takes over imports whose lease expired: a spooled one is read on from where it stopped (if
     * its file is on this instance's disk), one whose upload was cut has failed.
     *
     * @return how many were taken over
     */
    public int resumeAbandoned() {
        int resumed = 0;
        for (ImportJob job : jobs.abandoned(clock.instant(), 10)) {
            LOG.log(Level.INFO, "Import {0}: its lease expired, taking it over", job.id());
            if (!job.spooled()) {
                batches.finish(job.id(), null, ImportStatus.FAILED, "the upload was interrupted");
            } else if (Files.isReadable(job.file())) {
                run(job.id());
                resumed++;
            } else {
                LOG.log(Level.INFO, "Import {0}: its file is not on this instance", job.id());
            }
        }
        failStranded();
        return resumed;
    }

    /**
     * Fails the imports whose file no instance has read on for {@link #STRANDED} after their lease
     * expired (the instance that spooled it is gone with its disk), so that they no longer block the
     * next import. Uploading the file again is safe: what was imported counts as duplicates.
     */
    private void failStranded() {
        for (ImportJob job : jobs.stranded(clock.instant().minus(STRANDED), 10)) {
            if (!Files.isReadable(job.file())) {
                LOG.log(Level.WARNING, "Import {0}: its file is on no running instance, it fails", job.id());
                batches.finish(
                        job.id(),
                        null,
                        ImportStatus.FAILED,
                        "its spooled file was lost with the instance that received it; upload the file"
                                + " again (the receipts already imported count as duplicates)");
            }
        }
    }

    /**
     * Reads the import to its end, if its lease can be taken; returns at once otherwise. Each run
     * holds the lease under a name of its own, so that a run whose lease was taken over - even by
     * another run on this instance - learns it at its next batch.
     */
    public void run(ImportId id) {
        String owner = "run-" + UUID.randomUUID();
        Optional<ImportJob> claimed = batches.claim(id, owner);
        if (claimed.isEmpty()) {
            LOG.log(Level.FINE, "Import {0}: another worker holds it", id);
            return;
        }
        ImportJob job = claimed.get();
        try (ReceiptReader reader = files.open(job.file(), job.format(), job.position())) {
            List<ImportedReceipt> receipts = new ArrayList<>();
            List<RejectedRow> rejects = new ArrayList<>();
            ReadPosition after = job.position();
            long rows = 0;
            Optional<ReadChunk> next;
            while ((next = reader.next()).isPresent()) {
                ReadChunk chunk = next.get();
                chunk.receipt().ifPresent(receipts::add);
                rejects.addAll(chunk.rejects());
                after = chunk.after();
                rows += chunk.rowsRead();
                if (receipts.size() >= BATCH_RECEIPTS || rejects.size() >= BATCH_REJECTS) {
                    commit(job, owner, receipts, rejects, after, rows);
                    receipts = new ArrayList<>();
                    rejects = new ArrayList<>();
                    rows = 0;
                }
            }
            commit(job, owner, receipts, rejects, after, rows);
            batches.finish(id, owner, ImportStatus.COMPLETED, null);
            LOG.log(Level.INFO, "Import {0} completed", id);
            delete(job);
        } catch (LeaseLostException e) {
            LOG.log(Level.INFO, "Import {0}: lease taken over, this worker stops", id);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Import " + id + " failed", e);
            String reason = e instanceof IOException ? "the file could not be read" : "the import failed";
            try {
                batches.finish(id, owner, ImportStatus.FAILED, reason);
                delete(job);
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "Import " + id + " could not be marked failed", again);
            }
        }
    }

    private void commit(
            ImportJob job,
            String owner,
            List<ImportedReceipt> receipts,
            List<RejectedRow> rejects,
            ReadPosition after,
            long rows) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                batches.write(job, owner, receipts, rejects, after, rows);
                return;
            } catch (LeaseLostException e) {
                throw e;
            } catch (RuntimeException e) {
                // e.g. a live purchase of the same receipt committed meanwhile: the next attempt sees it
                last = e;
                LOG.log(Level.FINE, "Import batch failed, attempt " + attempt, e);
            }
        }
        throw last;
    }

    private static void delete(ImportJob job) {
        try {
            Files.deleteIfExists(job.file());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The spooled file of import " + job.id() + " could not be deleted", e);
        }
    }
}
