package dev.loyalty.launcher;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/**
 * The generator's rows written to a temporary tab-separated file and loaded with {@code LOAD DATA
 * LOCAL INFILE}, which MariaDB parses far more cheaply than multi-row {@code INSERT}s of bound
 * parameters. Where the server or the driver refuses it (local files disabled), {@link #load}
 * says so once and the caller inserts instead. Values are the generator's own (ids, codes,
 * numbers, times): a tab, newline or backslash in one is refused rather than escaped.
 */
final class BulkLoad {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Connection db;
    private boolean refused;

    BulkLoad(Connection db) {
        this.db = db;
    }

    /**
     * @param columns the column list and {@code SET} clause after {@code INTO TABLE table}
     * @return whether the rows were loaded (false: this connection cannot load files, nothing was written)
     */
    boolean load(String table, String columns, Collection<Object[]> rows) throws SQLException {
        if (refused) {
            return false;
        }
        if (rows.isEmpty()) {
            return true;
        }
        Path file;
        try {
            file = Files.createTempFile("loyalty-generate-" + table + "-", ".tsv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            write(file, rows);
            try (Statement load = db.createStatement()) {
                load.execute("LOAD DATA LOCAL INFILE '"
                        + file.toAbsolutePath().toString().replace("\\", "/")
                        + "' IGNORE INTO TABLE " + table
                        + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'"
                        + " LINES TERMINATED BY '\\n' " + columns);
            } catch (SQLException e) {
                if (isRefusal(e)) {
                    refused = true;
                    return false;
                }
                throw e;
            }
            return true;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind
            }
        }
    }

    private static boolean isRefusal(SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase();
        // ER_NOT_ALLOWED_COMMAND (1148), or the driver's own refusal of local files
        return e.getErrorCode() == 1148 || message.contains("local") && message.contains("infile");
    }

    private static void write(Path file, Collection<Object[]> rows) {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(256);
            for (Object[] row : rows) {
                line.setLength(0);
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        line.append('\t');
                    }
                    line.append(text(row[i]));
                }
                writer.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Object value) {
        if (value == null) {
            return "\\N";
        }
        if (value instanceof LocalDateTime time) {
            return TIME.format(time);
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        String text = value instanceof LocalDate date ? date.toString() : String.valueOf(value);
        if (text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("a generated value with a tab, newline or backslash: " + text);
        }
        return text;
    }
}
