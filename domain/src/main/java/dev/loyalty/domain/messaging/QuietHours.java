package dev.loyalty.domain.messaging;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The hours of the day in which marketing messages wait rather than go, in the store's local time:
 * from {@code start} (inclusive) to {@code end} (exclusive), possibly across midnight (22:00-08:00).
 * A message in quiet hours is deferred to their end, never dropped.
 *
 * @param start when the quiet begins
 * @param end when it ends
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** Validates the components. */
    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /**
     * @param now the present
     * @param zone the store's time zone
     * @return the instant the quiet ends, if {@code now} is within quiet hours; empty otherwise
     */
    public Optional<Instant> deferral(Instant now, ZoneId zone) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean acrossMidnight = start.isAfter(end);
        boolean quiet = acrossMidnight
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime endToday = local.with(end);
        ZonedDateTime until = endToday.isAfter(local) ? endToday : endToday.plusDays(1);
        return Optional.of(until.toInstant());
    }
}
