package dev.loyalty.domain.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}) read in the
 * programme's zone, as crontab(5) has it: {@code *}, numbers, ranges {@code a-b}, lists {@code a,b},
 * steps {@code *}{@code /n} and {@code a-b/n}, month and day names ({@code JAN}, {@code MON}), Sunday 0
 * or 7; when both day fields are restricted a day matches either. An expression that never fires
 * (30 February) is refused when read, so a launched campaign always has its next slot.
 */
public final class CronExpression {

    /** How far ahead a next slot is looked for: 29 February on a Monday comes back within 28 years. */
    private static final int HORIZON_DAYS = 366 * 30;

    private static final int MAX_LENGTH = 200;

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronExpression(String text, String[] fields) {
        this.text = text;
        this.minutes = field(fields[0], "minute", 0, 59, List.of());
        this.hours = field(fields[1], "hour", 0, 23, List.of());
        this.daysOfMonth = field(fields[2], "day of month", 1, 31, List.of());
        this.months = field(fields[3], "month", 1, 12, MONTHS);
        BitSet week = field(fields[4], "day of week", 0, 7, DAYS);
        if (week.get(7)) {
            week.set(0);
        }
        this.daysOfWeek = week;
        this.anyDayOfMonth = fields[2].startsWith("*");
        this.anyDayOfWeek = fields[4].startsWith("*");
    }

    /**
     * @param text five fields separated by spaces
     * @return the expression
     * @throws IllegalArgumentException with a reason a marketer can act on
     */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a cron expression has five fields: minute hour day month weekday");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a cron expression is at most " + MAX_LENGTH + " characters");
        }
        String normal = text.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        String[] fields = normal.split(" ");
        if (fields.length != 5) {
            throw new IllegalArgumentException(
                    "a cron expression has five fields (minute hour day month weekday), this one has " + fields.length);
        }
        CronExpression cron = new CronExpression(normal, fields);
        if (cron.nextAfter(Instant.parse("2000-01-01T00:00:00Z"), ZoneId.of("UTC"))
                .isEmpty()) {
            throw new IllegalArgumentException("this cron expression never fires (no such day)");
        }
        return cron;
    }

    /** @return the expression as read (spaces collapsed, names upper case) */
    public String text() {
        return text;
    }

    /**
     * @param after an instant
     * @param zone the zone the fields are read in
     * @return the first minute strictly after {@code after} that the expression names, within 30 years
     */
    public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
        LocalDateTime start = after.atZone(zone)
                .toLocalDateTime()
                .truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        LocalDate first = start.toLocalDate();
        for (int d = 0; d <= HORIZON_DAYS; d++) {
            LocalDate day = first.plusDays(d);
            if (!matches(day)) {
                continue;
            }
            LocalTime from = d == 0 ? start.toLocalTime() : LocalTime.MIDNIGHT;
            for (int h = hours.nextSetBit(from.getHour()); h >= 0; h = hours.nextSetBit(h + 1)) {
                int firstMinute = h == from.getHour() ? from.getMinute() : 0;
                for (int m = minutes.nextSetBit(firstMinute); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    // a local time in a daylight-saving gap moves forward; the slot must still be later
                    Instant slot =
                            ZonedDateTime.of(day, LocalTime.of(h, m), zone).toInstant();
                    if (slot.isAfter(after)) {
                        return Optional.of(slot);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean matches(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean byMonthDay = daysOfMonth.get(day.getDayOfMonth());
        boolean byWeekDay = daysOfWeek.get(sundayZero(day.getDayOfWeek()));
        if (anyDayOfMonth || anyDayOfWeek) {
            return byMonthDay && byWeekDay;
        }
        return byMonthDay || byWeekDay;
    }

    private static int sundayZero(DayOfWeek day) {
        return day.getValue() % 7;
    }

    private static BitSet field(String raw, String name, int min, int max, List<String> names) {
        BitSet set = new BitSet(max + 1);
        for (String part : raw.split(",", -1)) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), name, 1, max - min + 1, List.of());
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw new IllegalArgumentException("the " + name + " range " + range + " is not a-b");
                }
                from = number(ends[0], name, min, max, names);
                to = number(ends[1], name, min, max, names);
                if (from > to) {
                    throw new IllegalArgumentException("the " + name + " range " + range + " runs backwards");
                }
            } else {
                from = number(range, name, min, max, names);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int number(String raw, String name, int min, int max, List<String> names) {
        int named = names.indexOf(raw);
        if (named >= 0) {
            return names == MONTHS ? named + 1 : named;
        }
        if (!raw.matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("the " + name + " field has " + (raw.isEmpty() ? "an empty part" : raw)
                    + ": use numbers " + min + "-" + max + (names.isEmpty() ? "" : " or names"));
        }
        int value = Integer.parseInt(raw);
        if (value < min || value > max) {
            throw new IllegalArgumentException("the " + name + " is between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression cron && cron.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
