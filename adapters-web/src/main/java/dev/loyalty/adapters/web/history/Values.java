package dev.loyalty.adapters.web.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Lenient-but-exact readers of the values of history files. */
final class Values {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    private Values() {}

    /**
     * @return an instant from ISO 8601 with an offset, or a local date-time or date taken as UTC
     */
    static Optional<Instant> instant(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                at = LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    at = LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    return Optional.empty();
                }
            }
        }
        return at.isBefore(EARLIEST) ? Optional.empty() : Optional.of(at);
    }

    /** @return a whole number of at most 15 digits, optionally signed */
    static Optional<Long> integer(String text) {
        // what the pattern [+-]?\\d{1,15} accepts, without a regular expression per value
        int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > 15) {
            return Optional.empty();
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(text));
    }

    /** @return an amount in currency units (e.g. {@code 5.99}) as cents, when it has at most 2 decimals */
    static Optional<Long> cents(String text) {
        try {
            BigDecimal amount = new BigDecimal(text.strip());
            if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
                return Optional.empty();
            }
            return Optional.of(amount.movePointRight(2).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
