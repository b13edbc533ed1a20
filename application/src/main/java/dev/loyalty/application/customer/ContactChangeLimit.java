package dev.loyalty.application.customer;

import java.time.Duration;

/**
 * How many new contacts a customer may give in the app per day (each is sent a code): an unbounded
 * number would let anyone send paid SMS to numbers of their choosing.
 *
 * @param perDay new contacts allowed within a day, 1 to 1000
 */
public record ContactChangeLimit(int perDay) {

    /** The window the limit counts in. */
    public static final Duration WINDOW = Duration.ofDays(1);

    /** Refuses, with one line naming the setting, a limit that cannot work. */
    public ContactChangeLimit {
        if (perDay < 1 || perDay > 1_000) {
            throw new IllegalArgumentException(
                    "LOYALTY_LIMITS_CONTACT_CHANGES_PER_DAY (loyalty.limits.contact-changes.per-day) must be between 1"
                            + " and 1000, got: " + perDay);
        }
    }
}
