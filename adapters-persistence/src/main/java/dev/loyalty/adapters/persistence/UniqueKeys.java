package dev.loyalty.adapters.persistence;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads which unique key a MariaDB duplicate-entry failure (error 1062) broke. */
public final class UniqueKeys {

    private static final int DUPLICATE_ENTRY = 1062;
    private static final Pattern KEY = Pattern.compile("for key '(?:[^'.]*\\.)?([^']+)'");

    private UniqueKeys() {}

    /** The name of the violated unique key, if {@code failure} was caused by one. */
    public static Optional<String> violated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException sql && sql.getErrorCode() == DUPLICATE_ENTRY) {
                Matcher matcher = KEY.matcher(String.valueOf(sql.getMessage()));
                return matcher.find() ? Optional.of(matcher.group(1)) : Optional.of("");
            }
        }
        return Optional.empty();
    }
}
