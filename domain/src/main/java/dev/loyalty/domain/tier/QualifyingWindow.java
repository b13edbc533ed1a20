package dev.loyalty.domain.tier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The calendar months (UTC) whose activity qualifies at some instant: the month of that instant and
 * the months before it, as many as the programme's window. A month's activity counts until the
 * window no longer reaches back to it: the window moves on at the start of each month, so what a
 * customer needs for a tier holds until the {@link #lastDay()} of the current month.
 *
 * @param first the oldest month that counts
 * @param last the month of the instant
 */
public record QualifyingWindow(YearMonth first, YearMonth last) {

    /** Validates the order of the months. */
    public QualifyingWindow {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("a window starts no later than it ends: " + first + " > " + last);
        }
    }

    /**
     * @param at an instant
     * @param months the window's length in months, at least 1
     * @return the window of {@code months} months ending with the month of {@code at}
     */
    public static QualifyingWindow of(Instant at, int months) {
        if (months < 1) {
            throw new IllegalArgumentException("a window has at least one month");
        }
        YearMonth last = monthOf(at);
        return new QualifyingWindow(last.minusMonths(months - 1L), last);
    }

    /**
     * @param at an instant
     * @return its calendar month in UTC
     */
    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(Objects.requireNonNull(at, "at").atZone(ZoneOffset.UTC));
    }

    /** @return whether activity of {@code month} counts in this window */
    public boolean contains(YearMonth month) {
        return !month.isBefore(first) && !month.isAfter(last);
    }

    /** @return the first day of the oldest month that counts */
    public LocalDate firstDay() {
        return first.atDay(1);
    }

    /** @return the last day before the window moves on (and its oldest month stops counting) */
    public LocalDate lastDay() {
        return last.atEndOfMonth();
    }
}
