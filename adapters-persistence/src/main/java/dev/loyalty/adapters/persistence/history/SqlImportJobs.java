package dev.loyalty.adapters.persistence.history;

import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.history.ImportAlreadyRunningException;
import dev.loyalty.application.history.ImportFormat;
import dev.loyalty.application.history.ImportId;
import dev.loyalty.application.history.ImportJob;
import dev.loyalty.application.history.ImportJobs;
import dev.loyalty.application.history.ImportProgress;
import dev.loyalty.application.history.ImportStatus;
import dev.loyalty.application.history.ReadPosition;
import dev.loyalty.application.history.RejectedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Imports in {@code import_job} and {@code import_reject}. The programme's running import holds the
 * unique {@code running_programme}; the lease is two columns every progress write is conditional on.
 */
@ApplicationScoped
public class SqlImportJobs implements ImportJobs {

    /** The one programme of this service. */
    static final String PROGRAMME = "default";

    private static final String COLUMNS =
            "id, status, format, award_points, file_path, file_bytes, spooled, position_offset, position_line,"
                    + " rows_read, imported, duplicates, rejected, error, started_at, finished_at";

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlImportJobs() {}

    /** For tests outside the container. */
    public SqlImportJobs(EntityManager em) {
        this.em = em;
    }

    @Override
    public void create(ImportJob job, String owner, Instant leaseUntil, String startedBy) {
        try {
            em.createNativeQuery(
                            """
                            INSERT INTO import_job (id, running_programme, status, format, award_points, file_path,
                                                    lease_owner, lease_until, started_by, started_at)
                            VALUES (?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?)""")
                    .setParameter(1, job.id().toString())
                    .setParameter(2, PROGRAMME)
                    .setParameter(3, job.format().name())
                    .setParameter(4, job.awardPoints())
                    .setParameter(5, job.file().toString())
                    .setParameter(6, owner)
                    .setParameter(7, UtcTimes.utc(leaseUntil))
                    .setParameter(8, startedBy.length() > 255 ? startedBy.substring(0, 255) : startedBy)
                    .setParameter(9, UtcTimes.utc(job.startedAt()))
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e).filter("uk_import_job_running"::equals).isPresent()) {
                throw new ImportAlreadyRunningException();
            }
            throw e;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<ImportJob> byId(ImportId id) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM import_job WHERE id = ?")
                .setParameter(1, id.toString())
                .getResultList();
        return rows.stream().findFirst().map(SqlImportJobs::job);
    }

    @Override
    public void spooled(ImportId id, long bytes) {
        em.createNativeQuery(
                        """
                        UPDATE import_job SET spooled = TRUE, file_bytes = ?, lease_owner = NULL, lease_until = NULL
                        WHERE id = ? AND status = 'RUNNING'""")
                .setParameter(1, bytes)
                .setParameter(2, id.toString())
                .executeUpdate();
    }

    @Override
    public Optional<ImportJob> claim(ImportId id, String owner, Instant now, Instant leaseUntil) {
        int claimed = em.createNativeQuery(
                        """
                        UPDATE import_job SET lease_owner = ?, lease_until = ?
                        WHERE id = ? AND status = 'RUNNING' AND spooled AND (lease_owner IS NULL OR lease_until < ?)""")
                .setParameter(1, owner)
                .setParameter(2, UtcTimes.utc(leaseUntil))
                .setParameter(3, id.toString())
                .setParameter(4, UtcTimes.utc(now))
                .executeUpdate();
        return claimed == 1 ? byId(id) : Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ImportJob> abandoned(Instant now, int limit) {
        return running("(lease_owner IS NULL OR lease_until < ?)", now, limit);
    }

    @Override
    public List<ImportJob> stranded(Instant expiredBefore, int limit) {
        return running("spooled AND lease_owner IS NOT NULL AND lease_until < ?", expiredBefore, limit);
    }

    /** @return running imports meeting {@code condition} (a constant with one instant parameter), oldest first */
    private List<ImportJob> running(String condition, Instant at, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM import_job WHERE status = 'RUNNING'"
                        + " AND " + condition + " ORDER BY started_at LIMIT ?")
                .setParameter(1, UtcTimes.utc(at))
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(SqlImportJobs::job).toList();
    }

    @Override
    public boolean advance(ImportId id, String owner, ImportProgress progress, Instant leaseUntil) {
        return em.createNativeQuery(
                                """
                                UPDATE import_job SET position_offset = ?, position_line = ?,
                                       last_receipt = COALESCE(?, last_receipt), rows_read = rows_read + ?,
                                       imported = imported + ?, duplicates = duplicates + ?, rejected = rejected + ?,
                                       lease_until = ?
                                WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'""")
                        .setParameter(1, progress.after().offset())
                        .setParameter(2, progress.after().line())
                        .setParameter(3, lastReceipt(progress.lastReceipt()))
                        .setParameter(4, progress.rowsRead())
                        .setParameter(5, progress.imported())
                        .setParameter(6, progress.duplicates())
                        .setParameter(7, progress.rejected())
                        .setParameter(8, UtcTimes.utc(leaseUntil))
                        .setParameter(9, id.toString())
                        .setParameter(10, owner)
                        .executeUpdate()
                == 1;
    }

    @Override
    public void reject(ImportId id, List<RejectedRow> rows) {
        for (int from = 0; from < rows.size(); from += 1_000) {
            List<RejectedRow> chunk = rows.subList(from, Math.min(rows.size(), from + 1_000));
            Query insert = em.createNativeQuery(
                    "INSERT IGNORE INTO import_reject (import_id, line_number, reason, excerpt) VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)")));
            int p = 0;
            for (RejectedRow row : chunk) {
                insert.setParameter(++p, id.toString());
                insert.setParameter(++p, row.line());
                insert.setParameter(++p, row.reason());
                insert.setParameter(++p, row.excerpt());
            }
            insert.executeUpdate();
        }
    }

    @Override
    public boolean finish(ImportId id, String owner, ImportStatus status, String error, Instant at) {
        return em.createNativeQuery(
                                """
                        UPDATE import_job SET status = ?, error = ?, finished_at = ?, running_programme = NULL,
                               lease_owner = NULL, lease_until = NULL
                        WHERE id = ? AND status = 'RUNNING' AND (? IS NULL OR lease_owner = ?)""")
                        .setParameter(1, status.name())
                        .setParameter(2, error)
                        .setParameter(3, UtcTimes.utc(at))
                        .setParameter(4, id.toString())
                        .setParameter(5, owner)
                        .setParameter(6, owner)
                        .executeUpdate()
                == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<RejectedRow> rejects(ImportId id, long afterLine, int limit) {
        List<Object[]> rows = em.createNativeQuery(
                        """
                        SELECT line_number, reason, excerpt FROM import_reject
                        WHERE import_id = ? AND line_number > ? ORDER BY line_number LIMIT ?""")
                .setParameter(1, id.toString())
                .setParameter(2, afterLine)
                .setParameter(3, limit)
                .getResultList();
        List<RejectedRow> rejects = new ArrayList<>();
        for (Object[] row : rows) {
            rejects.add(new RejectedRow(((Number) row[0]).longValue(), (String) row[1], (String) row[2]));
        }
        return rejects;
    }

    private static String lastReceipt(String key) {
        if (key == null) {
            return null;
        }
        String shown = key.replace('\u001f', '/');
        return shown.length() > 200 ? shown.substring(0, 200) : shown;
    }

    private static ImportJob job(Object[] row) {
        return new ImportJob(
                ImportId.parse((String) row[0]),
                ImportStatus.valueOf((String) row[1]),
                ImportFormat.valueOf((String) row[2]),
                bool(row[3]),
                Path.of((String) row[4]),
                ((Number) row[5]).longValue(),
                bool(row[6]),
                new ReadPosition(((Number) row[7]).longValue(), ((Number) row[8]).longValue()),
                ((Number) row[9]).longValue(),
                ((Number) row[10]).longValue(),
                ((Number) row[11]).longValue(),
                ((Number) row[12]).longValue(),
                Optional.ofNullable((String) row[13]),
                UtcTimes.instant(time(row[14])),
                Optional.ofNullable(row[15]).map(t -> UtcTimes.instant(time(t))));
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private static LocalDateTime time(Object value) {
        return value instanceof LocalDateTime t ? t : ((java.sql.Timestamp) value).toLocalDateTime();
    }
}
