package dev.loyalty.adapters.web.history;

import dev.loyalty.application.history.ImportJob;

/** How an import stands, as {@code GET /imports/{id}} answers. */
public record ImportView(
        String importId,
        String status,
        String format,
        boolean awardPoints,
        long rowsRead,
        long purchasesImported,
        long duplicates,
        long rejected,
        int percent,
        String startedAt,
        String finishedAt,
        String error) {

    static ImportView of(ImportJob job) {
        return new ImportView(
                job.id().toString(),
                job.status().name(),
                job.format().name(),
                job.awardPoints(),
                job.rowsRead(),
                job.imported(),
                job.duplicates(),
                job.rejected(),
                job.percent(),
                job.startedAt().toString(),
                job.finishedAt().map(Object::toString).orElse(null),
                job.error().orElse(null));
    }
}
