package dev.loyalty.application.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * An import as stored: what it reads, how far it got and what it counted.
 *
 * @param fileBytes the spooled file's size (0 while it is being spooled)
 * @param spooled whether the whole body is on disk (only then is it read)
 */
public record ImportJob(
        ImportId id,
        ImportStatus status,
        ImportFormat format,
        boolean awardPoints,
        Path file,
        long fileBytes,
        boolean spooled,
        ReadPosition position,
        long rowsRead,
        long imported,
        long duplicates,
        long rejected,
        Optional<String> error,
        Instant startedAt,
        Optional<Instant> finishedAt) {

    /** @return the share of the file read, 0 to 100 (100 once completed) */
    public int percent() {
        if (status == ImportStatus.COMPLETED) {
            return 100;
        }
        if (!spooled || fileBytes <= 0 || format == ImportFormat.POSLOG) {
            return 0;
        }
        return (int) Math.min(99, position.offset() * 100 / fileBytes);
    }
}
