package dev.loyalty.domain.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/** When a launched campaign's runs are due (besides the console's "run now"). */
public sealed interface Schedule {

    /**
     * @param after an instant
     * @param zone the programme's zone
     * @return the first slot strictly after {@code after}, if any
     */
    Optional<Instant> nextAfter(Instant after, ZoneId zone);

    /** @return the first slot at or after {@code from} */
    Optional<Instant> firstFrom(Instant from, ZoneId zone);

    /** Only "run now". */
    record Manual() implements Schedule {
        @Override
        public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> firstFrom(Instant from, ZoneId zone) {
            return Optional.empty();
        }
    }

    /** @param at the one instant the campaign runs */
    record Once(Instant at) implements Schedule {
        public Once {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
            return at.isAfter(after) ? Optional.of(at) : Optional.empty();
        }

        @Override
        public Optional<Instant> firstFrom(Instant from, ZoneId zone) {
            return Optional.of(at);
        }
    }

    /** @param expression the minutes a five-field cron expression names, in the programme's zone */
    record Cron(CronExpression expression) implements Schedule {
        public Cron {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
            return expression.nextAfter(after, zone);
        }

        @Override
        public Optional<Instant> firstFrom(Instant from, ZoneId zone) {
            return expression.nextAfter(from.minusNanos(1), zone);
        }
    }

    /** @param time every day at this time, in the programme's zone */
    record Daily(LocalTime time) implements Schedule {
        public Daily {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
            LocalDate day = after.atZone(zone).toLocalDate();
            Instant slot = ZonedDateTime.of(day, time, zone).toInstant();
            return Optional.of(
                    slot.isAfter(after)
                            ? slot
                            : ZonedDateTime.of(day.plusDays(1), time, zone).toInstant());
        }

        @Override
        public Optional<Instant> firstFrom(Instant from, ZoneId zone) {
            return nextAfter(from.minusNanos(1), zone);
        }
    }
}
