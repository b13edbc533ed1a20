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
    void bought_reads_the_purchase_bought_rows_once_for_a_population_and_through_the_customer_for_one() {
        String json =
                """
                {"all": [{"bought": {"category": "coffee"}},
                         {"bought": {"sku": "SKU-1", "betweenDaysAgo": [0, 30]}},
                         {"bought": {"category": "tea", "betweenDaysAgo": [25, 35], "notSince": true}}]}""";
        SegmentSql many = compile(json);
        assertThat(placeholders(many)).isEqualTo(many.parameters().size());
        assertThat(many.where())
                .contains("c.id IN (SELECT b.customer_id FROM purchase_bought b")
                .contains("HAVING MAX(b.occurred_at) <= ?")
                .doesNotContain("purchase_line");
        // erased name, then coffee, then SKU-1 in (now - 31 days, now], then tea after now - 36 days
        // with its last purchase at or before now - 25 days
        assertThat(many.parameters())
                .containsExactly(
                        "(erased)",
                        "C",
                        "coffee",
                        "S",
                        "SKU-1",
                        LocalDateTime.parse("2026-11-03T10:00:00"),
                        LocalDateTime.parse("2026-12-04T10:00:00"),
                        "C",
                        "tea",
                        LocalDateTime.parse("2026-10-29T10:00:00"),
                        LocalDateTime.parse("2026-11-09T10:00:00"));

        SegmentSql one = SegmentSql.compileForOne(ConditionParser.parse(json), NOW);
        assertThat(placeholders(one)).isEqualTo(one.parameters().size());
        assertThat(one.where()).contains("WHERE p.customer_id = c.id").doesNotContain("c.id IN");
        // tea: in the window, and nothing after its end (now - 25 days)
        assertThat(one.parameters().subList(7, one.parameters().size()))
                .containsExactly(
                        "C",
                        "tea",
                        LocalDateTime.parse("2026-10-29T10:00:00"),
                        LocalDateTime.parse("2026-11-09T10:00:00"),
                        "C",
                        "tea",
                        LocalDateTime.parse("2026-11-09T10:00:00"));
    }

    @Test
    void in_segment_must_be_expanded_first() {
        assertThatThrownBy(() -> compile("{\"inSegment\": \"0b7c7c1e-3c5e-4f0a-9d3e-111111111111\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
