package dev.loyalty.adapters.persistence;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads which unique key a MariaDB duplicate-entry failure (error 1062) broke, and MariaDB error codes in general. */
public final class UniqueKeys {

    private static final int DUPLICATE_ENTRY = 1062;
    private static final Pattern KEY = Pattern.compile("for key '(?:[^'.]*\\.)?([^']+)'");

    private UniqueKeys() {}

    /** The name of the violated unique key, if {@code failure} was caused by one. */
    public static Optional<String> violated(Throwable failure) {
        return sqlError(failure, SQLIntegrityConstraintViolationException.class, DUPLICATE_ENTRY)
                .map(sql -> {
                    Matcher matcher = KEY.matcher(String.valueOf(sql.getMessage()));
                    return matcher.find() ? matcher.group(1) : "";
                });
    }

    /** The outermost SQL failure of {@code type} with MariaDB's error {@code code} in {@code failure}'s cause chain. */
    public static <T extends SQLException> Optional<T> sqlError(Throwable failure, Class<T> type, int code) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t) && ((SQLException) t).getErrorCode() == code) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
