package dev.loyalty.domain.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.ConsentPurpose;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionParserTest {

    private static final String SEGMENT = "0b7c7c1e-3c5e-4f0a-9d3e-111111111111";

    @Nested
    class EveryNodeKind {

        @Test
        void all_any_and_not_nest_conditions_in_order() {
            Condition c = ConditionParser.parse(
                    """
                    {"all": [{"consent": "MARKETING_SMS"},
                             {"any": [{"tier": "Gold"}, {"not": {"tier": "Silver"}}]}]}""");
            assertThat(c)
                    .isEqualTo(new Condition.All(List.of(
                            new Condition.HasConsent(ConsentPurpose.MARKETING_SMS),
                            new Condition.Any(List.of(
                                    new Condition.InTier("Gold"),
                                    new Condition.Not(new Condition.InTier("Silver")))))));
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "recencyDays|lt|30|RECENCY_DAYS|30",
                    "frequency|gte|12|FREQUENCY|12",
                    "monetary|gt|25000|MONETARY|25000",
                    "rfm.r|eq|5|RFM_R|5",
                    "rfm.f|lte|2|RFM_F|2",
                    "rfm.m|gte|4|RFM_M|4",
                    "averageBasket|gte|2500|AVERAGE_BASKET|2500",
                    "lifetimeValue|gt|100000|LIFETIME_VALUE|100000",
                    "engagement|lt|-3|ENGAGEMENT|-3",
                    "visitsPerMonth|gte|2.5|VISITS_PER_MONTH|250",
                })
        void a_metric_is_kept_in_its_stored_unit(String name, String op, String value, Metric metric, long units) {
            Condition c = ConditionParser.parse(
                    "{\"metric\": \"" + name + "\", \"op\": \"" + op + "\", \"value\": " + value + "}");
            assertThat(c)
                    .isEqualTo(new Condition.MetricIs(
                            metric, Optional.empty(), Comparison.valueOf(op.toUpperCase()), units, units));
        }

        @Test
        void category_share_is_a_percentage_of_spend_kept_in_ppm_and_between_takes_both_ends() {
            Condition c = ConditionParser.parse(
                    "{\"metric\": \"categoryShare:ready-meals\", \"op\": \"between\", \"value\": [20, 37.5]}");
            assertThat(c)
                    .isEqualTo(new Condition.MetricIs(
                            Metric.CATEGORY_SHARE, Optional.of("ready-meals"), Comparison.BETWEEN, 200_000, 375_000));
        }

        @Test
        void bought_a_category_or_a_sku_ever_in_a_window_or_last_in_a_window() {
            assertThat(ConditionParser.parse("{\"bought\": {\"category\": \"coffee\"}}"))
                    .isEqualTo(new Condition.Bought(Condition.Item.CATEGORY, "coffee", Optional.empty(), false));
            assertThat(ConditionParser.parse("{\"bought\": {\"sku\": \"PC-1\", \"betweenDaysAgo\": [25, 35]}}"))
                    .isEqualTo(new Condition.Bought(
                            Condition.Item.SKU, "PC-1", Optional.of(new Condition.DayRange(25, 35)), false));
            assertThat(ConditionParser.parse(
                            "{\"bought\": {\"sku\": \"PC-1\", \"betweenDaysAgo\": [25, 35], \"notSince\": true}}"))
                    .isEqualTo(new Condition.Bought(
                            Condition.Item.SKU, "PC-1", Optional.of(new Condition.DayRange(25, 35)), true));
        }

        @Test
        void an_attribute_is_in_a_list_or_equal_to_one_value() {
            assertThat(ConditionParser.parse("{\"attribute\": \"city\", \"in\": [\"Milano\", \"Torino\"]}"))
                    .isEqualTo(new Condition.AttributeIn(Attribute.CITY, Set.of("Milano", "Torino")));
            assertThat(ConditionParser.parse("{\"attribute\": \"ageBand\", \"eq\": \"25-34\"}"))
                    .isEqualTo(new Condition.AttributeIn(Attribute.AGE_BAND, Set.of("25-34")));
            assertThat(ConditionParser.parse("{\"attribute\": \"enrolmentChannel\", \"eq\": \"app\"}"))
                    .isEqualTo(new Condition.AttributeIn(Attribute.ENROLMENT_CHANNEL, Set.of("APP")));
            assertThat(ConditionParser.parse("{\"attribute\": \"homeStore\", \"eq\": \"MI-001\"}"))
                    .isEqualTo(new Condition.AttributeIn(Attribute.HOME_STORE, Set.of("MI-001")));
        }

        @Test
        void consent_in_either_spelling_tier_answer_and_in_segment() {
            assertThat(ConditionParser.parse("{\"consent\": \"marketingEmail\"}"))
                    .isEqualTo(new Condition.HasConsent(ConsentPurpose.MARKETING_EMAIL));
            assertThat(ConditionParser.parse("{\"answer\": {\"question\": \"pets\", \"value\": \"dog\"}}"))
                    .isEqualTo(new Condition.Answered("pets", Set.of("dog")));
            assertThat(ConditionParser.parse("{\"answer\": {\"question\": \"pets\", \"in\": [\"dog\", \"cat\"]}}"))
                    .isEqualTo(new Condition.Answered("pets", Set.of("dog", "cat")));
            assertThat(ConditionParser.parse("{\"inSegment\": \"" + SEGMENT + "\"}"))
                    .isEqualTo(new Condition.InSegment(SegmentId.parse(SEGMENT)));
        }

        @Test
        void the_canonical_json_reads_back_to_the_same_tree() {
            String written =
                    """
                    {"any": [{"metric": "visitsPerMonth", "op": "between", "value": [0.5, 2.25]},
                             {"metric": "categoryShare:pet food", "op": "gte", "value": 12.5},
                             {"bought": {"sku": "A\\"B", "betweenDaysAgo": [0, 7], "notSince": true}},
                             {"attribute": "gender", "in": ["F", "X"]},
                             {"not": {"answer": {"question": "diet", "value": "vegan"}}},
                             {"inSegment": "%s"}]}"""
                            .formatted(SEGMENT);
            Condition parsed = ConditionParser.parse(written);
            assertThat(ConditionParser.parse(parsed.toJson())).isEqualTo(parsed);
            assertThat(parsed.toJson()).contains("\"value\":[0.5,2.25]").contains("\"value\":12.5");
        }
    }

    @Nested
    class BadNodesAreNamedByTheirPath {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "{\"all\": [{\"tier\": \"Gold\"}, {\"tier\": \"Gold\"}, {\"metric\": \"happiness\", \"op\": \"gt\", \"value\": 1}]}|$.all[2].metric",
                    "{\"any\": [{\"metric\": \"frequency\", \"op\": \"about\", \"value\": 1}]}|$.any[0].op",
                    "{\"metric\": \"frequency\", \"op\": \"gt\", \"value\": \"ten\"}|$.value",
                    "{\"metric\": \"frequency\", \"op\": \"gt\"}|$.value",
                    "{\"metric\": \"frequency\", \"op\": \"gt\", \"value\": 1.5}|$.value",
                    "{\"metric\": \"visitsPerMonth\", \"op\": \"gt\", \"value\": 1.555}|$.value",
                    "{\"metric\": \"frequency\", \"op\": \"between\", \"value\": [5, 1]}|$.value",
                    "{\"metric\": \"frequency\", \"op\": \"between\", \"value\": [1, \"x\"]}|$.value[1]",
                    "{\"metric\": \"frequency\", \"op\": \"between\", \"value\": 3}|$.value",
                    "{\"metric\": \"frequency\", \"op\": \"gt\", \"value\": 1, \"unit\": \"x\"}|$.unit",
                    "{\"metric\": \"categoryShare\", \"op\": \"gt\", \"value\": 1}|$.metric",
                    "{\"metric\": \"frequency:coffee\", \"op\": \"gt\", \"value\": 1}|$.metric",
                    "{\"metric\": \"recencyDays\", \"op\": \"gt\", \"value\": -1}|$.value",
                    "{\"metric\": \"monetary\", \"op\": \"gt\", \"value\": 99999999999999999999999999}|$.value",
                    "{\"metric\": \"monetary\", \"op\": \"gt\", \"value\": 1e400}|$.value",
                    "{\"metric\": \"monetary\", \"op\": \"gt\", \"value\": 1e9999999999}|$.value",
                    "{\"not\": {\"bought\": {\"category\": \"a\", \"sku\": \"b\"}}}|$.not.bought",
                    "{\"bought\": {\"category\": \"a\", \"betweenDaysAgo\": [10, 5]}}|$.bought.betweenDaysAgo",
                    "{\"bought\": {\"category\": \"a\", \"betweenDaysAgo\": [-1, 5]}}|$.bought.betweenDaysAgo[0]",
                    "{\"bought\": {\"category\": \"a\", \"notSince\": true}}|$.bought.notSince",
                    "{\"bought\": {\"category\": \"a\", \"notSince\": \"yes\", \"betweenDaysAgo\": [1, 2]}}|$.bought.notSince",
                    "{\"bought\": {\"category\": 7}}|$.bought.category",
                    "{\"bought\": [\"a\"]}|$.bought",
                    "{\"attribute\": \"shoeSize\", \"eq\": \"42\"}|$.attribute",
                    "{\"attribute\": \"city\"}|$",
                    "{\"attribute\": \"city\", \"in\": []}|$.in",
                    "{\"attribute\": \"city\", \"in\": [\"Milano\", 3]}|$.in[1]",
                    "{\"attribute\": \"ageBand\", \"eq\": \"30-40\"}|$.eq",
                    "{\"attribute\": \"enrolmentChannel\", \"in\": [\"FAX\"]}|$.in",
                    "{\"consent\": \"CARRIER_PIGEON\"}|$.consent",
                    "{\"tier\": \"\"}|$.tier",
                    "{\"tier\": null}|$.tier",
                    "{\"answer\": {\"value\": \"dog\"}}|$.answer.question",
                    "{\"answer\": {\"question\": \"pets\"}}|$.answer",
                    "{\"inSegment\": \"not-an-id\"}|$.inSegment",
                    "{\"all\": []}|$.all",
                    "{\"all\": {\"tier\": \"Gold\"}}|$.all",
                    "{\"any\": [7]}|$.any[0]",
                    "{\"everything\": true}|$.everything",
                    "{}|$",
                    "{\"tier\": \"Gold\", \"consent\": \"MARKETING_SMS\"}|$",
                    "[1, 2]|$",
                    "{\"tier\": \"Gold\"} trailing|$",
                    "{\"tier\": \"Gold\", \"tier\": \"Silver\"}|$.tier",
                })
        void the_problem_names_the_bad_node(String json, String path) {
            assertThatThrownBy(() -> ConditionParser.parse(json))
                    .isInstanceOfSatisfying(SegmentConditionInvalidException.class, e -> {
                        assertThat(e.path()).isEqualTo(path);
                        assertThat(e.code()).isEqualTo("segment-condition-invalid");
                    });
        }

        @Test
        void nesting_beyond_the_depth_limit_is_refused_where_it_goes_too_deep() {
            String json = "{\"not\": ".repeat(ConditionParser.MAX_DEPTH) + "{\"tier\": \"Gold\"}"
                    + "}".repeat(ConditionParser.MAX_DEPTH);
            assertThatThrownBy(() -> ConditionParser.parse(json))
                    .isInstanceOfSatisfying(SegmentConditionInvalidException.class, e -> assertThat(e.path())
                            .isEqualTo("$" + ".not".repeat(ConditionParser.MAX_DEPTH)));
            String deepest = "{\"not\": ".repeat(ConditionParser.MAX_DEPTH - 1) + "{\"tier\": \"Gold\"}"
                    + "}".repeat(ConditionParser.MAX_DEPTH - 1);
            assertThat(ConditionParser.parse(deepest)).isInstanceOf(Condition.Not.class);
        }

        @Test
        void a_deeply_nested_document_is_refused_without_a_stack_overflow() {
            String json = "[".repeat(100_000);
            assertThatThrownBy(() -> ConditionParser.parse(json))
                    .isInstanceOf(SegmentConditionInvalidException.class)
                    .hasMessageContaining("a condition is at most");
            String nested = "[".repeat(5_000) + "]".repeat(5_000);
            assertThatThrownBy(() -> ConditionParser.parse(nested))
                    .isInstanceOf(SegmentConditionInvalidException.class)
                    .hasMessageContaining("nested deeper");
        }

        @Test
        void too_many_nodes_and_too_many_values_are_refused() {
            String many =
                    "{\"any\": [" + String.join(",", java.util.Collections.nCopies(100, "{\"tier\": \"Gold\"}")) + "]}";
            assertThat(ConditionParser.parse(many)).isInstanceOf(Condition.Any.class);
            String tooMany = "{\"all\": [" + String.join(",", java.util.Collections.nCopies(3, many)) + "]}";
            assertThatThrownBy(() -> ConditionParser.parse(tooMany))
                    .isInstanceOfSatisfying(SegmentConditionInvalidException.class, e -> assertThat(e.path())
                            .startsWith("$.all[1].any["));
            String values = "{\"attribute\": \"city\", \"in\": ["
                    + String.join(",", java.util.Collections.nCopies(101, "\"x\"")) + "]}";
            assertThatThrownBy(() -> ConditionParser.parse(values))
                    .isInstanceOfSatisfying(SegmentConditionInvalidException.class, e -> assertThat(e.path())
                            .isEqualTo("$.in"));
        }

        @Test
        void a_value_longer_than_the_limit_is_refused() {
            String json = "{\"tier\": \"" + "G".repeat(ConditionParser.MAX_TEXT + 1) + "\"}";
            assertThatThrownBy(() -> ConditionParser.parse(json))
                    .isInstanceOfSatisfying(SegmentConditionInvalidException.class, e -> assertThat(e.path())
                            .isEqualTo("$.tier"));
        }

        @Test
        void an_empty_condition_is_refused() {
            assertThatThrownBy(() -> ConditionParser.parse(" "))
                    .isInstanceOfSatisfying(SegmentConditionInvalidException.class, e -> assertThat(e.path())
                            .isEqualTo("$"));
        }
    }
}
