package dev.loyalty.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @ParameterizedTest(name = "{0} after {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // every day at 9 in Rome (UTC+1 in winter)
                "0 9 * * *          | 2026-12-04T07:59:00Z | 2026-12-04T08:00:00Z",
                "0 9 * * *          | 2026-12-04T08:00:00Z | 2026-12-05T08:00:00Z",
                // strictly after: a slot equal to the instant is not next
                "*/15 * * * *       | 2026-12-04T08:15:00Z | 2026-12-04T08:30:00Z",
                "*/15 * * * *       | 2026-12-04T08:15:30Z | 2026-12-04T08:30:00Z",
                // Mondays to Fridays at 8:30; 2026-12-05 is a Saturday
                "30 8 * * MON-FRI   | 2026-12-04T08:00:00Z | 2026-12-07T07:30:00Z",
                // the first of the month at midnight, Sunday as 7
                "0 0 1 * *          | 2026-12-04T00:00:00Z | 2026-12-31T23:00:00Z",
                "0 10 * * 7         | 2026-12-04T00:00:00Z | 2026-12-06T09:00:00Z",
                // both day fields restricted: either matches (the 15th, or a Friday)
                "0 12 15 * FRI      | 2026-12-05T00:00:00Z | 2026-12-11T11:00:00Z",
                "0 12 15 * FRI      | 2026-12-11T12:00:00Z | 2026-12-15T11:00:00Z",
                // lists, ranges with steps, month names
                "0 9,18 * DEC *     | 2026-12-04T09:00:00Z | 2026-12-04T17:00:00Z",
                "0 8-20/6 * * *     | 2026-12-04T08:00:00Z | 2026-12-04T13:00:00Z",
                // summer time: 9:00 in July is 7:00 UTC
                "0 9 * 7 *          | 2026-12-04T00:00:00Z | 2027-07-01T07:00:00Z",
            })
    void the_next_slot_is_the_first_named_minute_strictly_after(String cron, String after, String next) {
        assertThat(CronExpression.parse(cron).nextAfter(Instant.parse(after), ROME))
                .contains(Instant.parse(next));
    }

    @Test
    void a_day_named_by_the_month_and_not_the_week_waits_for_both_when_one_field_is_a_star() {
        // the 29th of February with any weekday: 2028 is the next leap year
        assertThat(CronExpression.parse("0 0 29 2 *").nextAfter(Instant.parse("2026-12-04T00:00:00Z"), ROME))
                .contains(Instant.parse("2028-02-28T23:00:00Z"));
        // "29 2 1" reads as the 29th OR a Monday of February (crontab's rule): 1 February 2027 is a
        // Monday whose midnight has passed, so the next is Monday the 8th
        assertThat(CronExpression.parse("0 0 29 2 1").nextAfter(Instant.parse("2027-02-01T00:00:00Z"), ROME))
                .contains(Instant.parse("2027-02-07T23:00:00Z"));
    }

    @Test
    void a_time_in_the_spring_forward_gap_moves_on_and_still_comes_after() {
        // 2027-03-28 02:30 does not exist in Rome: the slot is 03:30 local, 01:30 UTC
        Optional<Instant> next =
                CronExpression.parse("30 2 * * *").nextAfter(Instant.parse("2027-03-27T02:00:00Z"), ROME);
        assertThat(next).contains(Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void the_text_is_kept_normalised_and_two_spellings_are_equal() {
        assertThat(CronExpression.parse("  0   9 * * mon ").text()).isEqualTo("0 9 * * MON");
        assertThat(CronExpression.parse("0 9 * * mon")).isEqualTo(CronExpression.parse("0 9 * * MON"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0 9 * *             | five fields",
                "0 9 * * * *         | five fields",
                "60 9 * * *          | between 0 and 59",
                "0 24 * * *          | between 0 and 23",
                "0 9 0 * *           | between 1 and 31",
                "0 9 * 13 *          | between 1 and 12",
                "0 9 * * 8           | between 0 and 7",
                "0 9 * * FOO         | FOO",
                "0 9-7 * * *         | runs backwards",
                "*/0 * * * *         | between 1 and 60",
                "0 9 30 2 *          | never fires",
                "0 9 ,1 * *          | empty part",
                "0 9 1-2-3 * *       | not a-b",
                "-1 9 * * *          | empty part",
                "0 999999999999 * * * | 999999999999",
            })
    void a_bad_expression_is_refused_with_a_reason(String cron, String reason) {
        assertThatThrownBy(() -> CronExpression.parse(cron))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void an_empty_or_huge_expression_is_refused() {
        assertThatThrownBy(() -> CronExpression.parse(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CronExpression.parse("0 ".repeat(500))).hasMessageContaining("at most");
    }
}
