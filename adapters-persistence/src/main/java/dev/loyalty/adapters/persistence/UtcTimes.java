package dev.loyalty.adapters.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants in DATETIME(6) columns: stored as UTC wall-clock time (EclipseLink 4 does not map
 * {@link Instant} itself), read back as the same instant.
 */
public final class UtcTimes {

    private UtcTimes() {}

    /** The UTC wall-clock time of {@code instant}, or {@code null} for {@code null}. */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The instant of a UTC wall-clock time, or {@code null} for {@code null}. */
    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
