package dev.loyalty.adapters.persistence.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.segment.ConditionParser;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SegmentSqlTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static SegmentSql compile(String json) {
        return SegmentSql.compile(ConditionParser.parse(json), NOW);
    }

    private static long placeholders(SegmentSql sql) {
        return (sql.from() + " " + sql.where()).chars().filter(c -> c == '?').count();
    }

    @Test
    void values_from_the_condition_are_bound_never_written_into_the_sql() {
        String hostile = "x'); DROP TABLE customer; --";
        SegmentSql sql = compile(
                """
                {"any": [{"attribute": "city", "in": ["%1$s"]}, {"tier": "%1$s"},
                         {"answer": {"question": "%1$s", "value": "%1$s"}},
                         {"bought": {"sku": "%1$s", "betweenDaysAgo": [1, 2]}},
                         {"metric": "categoryShare:%1$s", "op": "gt", "value": 1}]}"""
                        .formatted(hostile));
        assertThat(sql.where()).doesNotContain("DROP").doesNotContain("x'");
        assertThat(sql.parameters()).contains(hostile);
        assertThat(placeholders(sql)).isEqualTo(sql.parameters().size());
    }

    @Test
    void every_node_kind_compiles_with_one_parameter_per_placeholder_in_order() {
        SegmentSql sql = compile(
                """
                {"all": [{"metric": "recencyDays", "op": "between", "value": [10, 20]},
                         {"metric": "rfm.r", "op": "gte", "value": 4},
                         {"metric": "visitsPerMonth", "op": "lt", "value": 1.5},
                         {"bought": {"category": "coffee"}},
                         {"bought": {"category": "coffee", "betweenDaysAgo": [25, 35], "notSince": true}},
                         {"not": {"attribute": "ageBand", "in": ["18-24", "65+"]}},
                         {"attribute": "homeStore", "eq": "MI-001"},
                         {"consent": "MARKETING_SMS"}]}""");
        assertThat(placeholders(sql)).isEqualTo(sql.parameters().size());
        assertThat(sql.from()).contains("LEFT JOIN customer_metrics m");
        // recencyDays between 10 and 20: last purchase in (now - 21 days, now - 10 days]
        assertThat(sql.parameters().subList(1, 3))
                .containsExactly(
                        LocalDateTime.parse("2026-11-13T10:00:00"), LocalDateTime.parse("2026-11-24T10:00:00"));
        assertThat(sql.parameters()).contains(150L, "MARKETING_SMS", "MI-001");
    }

    @Test
    void only_conditions_on_metrics_join_them_and_erased_customers_are_always_left_out() {
        SegmentSql sql = compile("{\"consent\": \"MARKETING_EMAIL\"}");
        assertThat(sql.from()).isEqualTo("customer c");
        assertThat(sql.where()).startsWith("NOT (c.first_name = ? AND c.email IS NULL AND c.phone IS NULL)");
        assertThat(sql.parameters().get(0)).isEqualTo("(erased)");
    }

    @Test
    void in_segment_must_be_expanded_first() {
        assertThatThrownBy(() -> compile("{\"inSegment\": \"0b7c7c1e-3c5e-4f0a-9d3e-111111111111\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
